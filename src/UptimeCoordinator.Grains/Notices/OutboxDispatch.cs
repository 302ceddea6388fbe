using UptimeCoordinator.Delivery;
using UptimeCoordinator.Domain.Clients;
using UptimeCoordinator.Domain.Notices;
using UptimeCoordinator.Domain.Observability;

namespace UptimeCoordinator.Grains.Notices;

/// <summary>
/// Hands one client's due notices to this silo's dispatcher, and remembers which it handed over
/// during this activation: only those can be in flight, so only those need the dispatcher's word
/// before a later step withdraws them.
/// </summary>
internal sealed class OutboxDispatch(string clientId, INoticeDispatcher dispatcher)
{
    private readonly HashSet<string> _handedOver = new(StringComparer.Ordinal);

    /// <summary>
    /// Queues every due pending notice that is next in its story: a contact hears about an incident
    /// on a channel in the order the notices were planned, so a resolution never overtakes the
    /// outage notice still being retried. Never waits for a send. Notices handed over before are
    /// handed over again: the dispatcher ignores those it still holds, and one whose outcome was lost
    /// on the way back would otherwise wait for good.
    /// </summary>
    public void DispatchDue(ClientDefinition client, NoticeOutbox outbox, DateTimeOffset now)
    {
        var stories = new HashSet<(string Subject, string Contact, NoticeChannel Channel)>();
        foreach (var notice in outbox.Pending)
        {
            if (!stories.Add((notice.SubjectId, notice.ContactId, notice.Channel)) || notice.DueAt > now)
            {
                continue;
            }

            _handedOver.Add(notice.Id);
            var contact = client.Contacts.FirstOrDefault(c => c.Id == notice.ContactId);
            dispatcher.Dispatch(new NoticeDelivery(
                clientId,
                notice.Id,
                notice.Kind,
                notice.Channel,
                notice.To,
                contact?.Name,
                notice.Content,
                notice.Payload,
                notice.Channel == NoticeChannel.Webhook ? contact?.WebhookSecret : null,
                notice.Channel == NoticeChannel.Email ? notice.Attachment : null,
                notice.CreatedAt,
                UptimeTracing.CurrentParent));
        }
    }

    /// <summary>
    /// Marks superseded every pending notice about <paramref name="subjectId"/> (that <paramref name="only"/>
    /// accepts, when given) that is sure never to be sent: held back here, or withdrawn from the
    /// dispatcher before an attempt began. Returns them.
    /// </summary>
    public List<Notice> WithdrawPending(NoticeOutbox outbox, string subjectId, string reason, Func<Notice, bool>? only = null)
    {
        var withdrawn = new List<Notice>();
        foreach (var notice in outbox.Pending.Where(n => n.SubjectId == subjectId && (only is null || only(n))).ToList())
        {
            if ((!_handedOver.Contains(notice.Id) || dispatcher.TryWithdraw(notice.Id)) && outbox.Supersede(notice.Id, reason))
            {
                _handedOver.Remove(notice.Id);
                withdrawn.Add(notice);
            }
        }

        return withdrawn;
    }

    /// <summary>Withdraws everything handed over, for a client that is being removed.</summary>
    public void WithdrawAll()
    {
        foreach (var id in _handedOver)
        {
            dispatcher.TryWithdraw(id);
        }

        _handedOver.Clear();
    }

    /// <summary>The dispatcher reported an outcome: the notice is no longer in its hands.</summary>
    public void Forget(string noticeId) => _handedOver.Remove(noticeId);
}
