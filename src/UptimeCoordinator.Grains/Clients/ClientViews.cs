using UptimeCoordinator.Contracts.Clients;
using UptimeCoordinator.Contracts.Costs;
using UptimeCoordinator.Contracts.Notices;
using UptimeCoordinator.Domain.Notices;

namespace UptimeCoordinator.Grains.Clients;

internal static class ClientViews
{
    public static ClientView Of(ClientState state)
    {
        var client = state.Definition!;
        return new ClientView(
            client.Id,
            client.Name,
            client.TimeZone,
            [.. client.Subscriptions.Select(SubscriptionSpec.From)],
            [.. client.Contacts.Select(ContactView.From)],
            state.CreatedAt,
            state.UpdatedAt,
            client.CostProfile is { } cost ? CostProfileSpec.From(cost) : null,
            SlaSpec.From(client.EffectiveSla));
    }

    /// <summary>The notice log newest first, continuing after the notice id <paramref name="after"/>.</summary>
    public static NoticePage NoticesAfter(NoticeOutbox outbox, string? after, int limit)
    {
        IEnumerable<Notice> newestFirst = Enumerable.Reverse(outbox.Notices);
        if (after is not null)
        {
            newestFirst = newestFirst.SkipWhile(n => n.Id != after).Skip(1);
        }

        var page = newestFirst.Take(limit + 1).ToList();
        var more = page.Count > limit;
        if (more)
        {
            page.RemoveAt(limit);
        }

        return new NoticePage([.. page.Select(NoticeView.From)], more ? page[^1].Id : null);
    }
}
