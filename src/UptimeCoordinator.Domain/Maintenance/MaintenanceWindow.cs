namespace UptimeCoordinator.Domain.Maintenance;

/// <summary>
/// A planned maintenance window (DESIGN.md §2): its services and times, the notice it gives, and
/// its life <c>scheduled → in_progress → completed | cancelled</c>. Each change returns the
/// bulletin it hands out; what is due later (reminders, the start, the end) is computed from this
/// state, so a grain can wake at <see cref="NextDueAt"/> and run the steps due (<see cref="RemindIfDue"/>,
/// <see cref="Begin"/>, <see cref="Complete"/>) as often as a reminder fires without sending anything twice.
/// </summary>
public sealed class MaintenanceWindow
{
    public string Id { get; set; } = "";

    public List<string> ServiceIds { get; set; } = [];

    public string Title { get; set; } = "";

    public string? Description { get; set; }

    public DateTimeOffset Start { get; set; }

    public DateTimeOffset End { get; set; }

    /// <summary>How long before the start each reminder goes out.</summary>
    public List<TimeSpan> NoticeLeadTimes { get; set; } = [];

    public MaintenanceStage Stage { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    /// <summary>When the window, at its present times, was announced: the notice the SLA may count.</summary>
    public DateTimeOffset AnnouncedAt { get; set; }

    /// <summary>The iCalendar SEQUENCE: 0 when scheduled, one more at every reschedule and at a cancellation.</summary>
    public int Revision { get; set; }

    /// <summary>Lead times whose reminder is still to go out for the present start.</summary>
    public List<TimeSpan> RemindersDue { get; set; } = [];

    public DateTimeOffset? StartedAt { get; set; }

    public DateTimeOffset? CompletedAt { get; set; }

    public DateTimeOffset? CancelledAt { get; set; }

    /// <summary>A service was still not working at the end: the work overran and became an incident.</summary>
    public bool Overran { get; set; }

    public string? OverrunIncidentId { get; set; }

    /// <summary>For an overrun: when its incident was first resolved (a service came back), once known.</summary>
    public DateTimeOffset? WorkEndedAt { get; set; }

    public long BulletinSequence { get; set; }

    /// <summary>Every step handed out, oldest first: which notices went out when.</summary>
    public List<MaintenanceBulletin> Bulletins { get; set; } = [];

    public bool Exists => Id.Length > 0;

    public bool IsActive => Stage is MaintenanceStage.Scheduled or MaintenanceStage.InProgress;

    public TimeSpan Duration => End - Start;

    /// <summary>A new window, announced at <paramref name="now"/>; its first bulletin is <c>scheduled</c>.</summary>
    public static (MaintenanceWindow Window, MaintenanceBulletin Bulletin) Schedule(
        string id,
        IEnumerable<string> serviceIds,
        string title,
        string? description,
        DateTimeOffset start,
        DateTimeOffset end,
        IEnumerable<TimeSpan> noticeLeadTimes,
        DateTimeOffset now)
    {
        var window = new MaintenanceWindow
        {
            Id = id,
            ServiceIds = [.. serviceIds.Distinct(StringComparer.Ordinal)],
            Title = title,
            Description = description,
            Start = start,
            End = end,
            NoticeLeadTimes = [.. noticeLeadTimes.Distinct().OrderDescending()],
            Stage = MaintenanceStage.Scheduled,
            CreatedAt = now,
        };
        window.Announce(now);
        return (window, window.Hand(MaintenanceBulletinKind.Scheduled, now));
    }

    /// <summary>
    /// Moves a window that has not begun; null when it has (or is over), which the caller reports as a
    /// conflict. Past its start it has begun, even if the grain has not got round to it yet.
    /// </summary>
    public MaintenanceBulletin? Reschedule(DateTimeOffset start, DateTimeOffset end, DateTimeOffset now, string? by = null)
    {
        if (Stage != MaintenanceStage.Scheduled || now >= Start)
        {
            return null;
        }

        var (previousStart, previousEnd) = (Start, End);
        (Start, End) = (start, end);
        Revision++;
        Announce(now);
        return Hand(MaintenanceBulletinKind.Rescheduled, now, b => b with { PreviousStart = previousStart, PreviousEnd = previousEnd, By = by });
    }

    /// <summary>Calls off a window that has not begun (its start is still ahead); null when it has, or is over.</summary>
    public MaintenanceBulletin? Cancel(DateTimeOffset now, string? by = null, string? reason = null)
    {
        if (Stage != MaintenanceStage.Scheduled || now >= Start)
        {
            return null;
        }

        Stage = MaintenanceStage.Cancelled;
        CancelledAt = now;
        Revision++;
        RemindersDue.Clear();
        return Hand(MaintenanceBulletinKind.Cancelled, now, b => b with { By = by, Reason = reason });
    }

    /// <summary>When something is next due: a reminder or the start while scheduled, the end while in progress.</summary>
    public DateTimeOffset? NextDueAt() => Stage switch
    {
        MaintenanceStage.Scheduled => RemindersDue.Select(lead => Start - lead).Append(Start).Min(),
        MaintenanceStage.InProgress => End,
        _ => null,
    };

    /// <summary>Whether the window should begin now: its services go under maintenance before <see cref="Begin"/>.</summary>
    public bool IsStartDue(DateTimeOffset now) => Stage == MaintenanceStage.Scheduled && now >= Start;

    /// <summary>Whether the window should end now: the grain asks its services how they are, then calls <see cref="Complete"/>.</summary>
    public bool IsEndDue(DateTimeOffset now) => Stage == MaintenanceStage.InProgress && now >= End;

    /// <summary>
    /// The reminder due at <paramref name="now"/>, if any. Reminders that came due together (a grain
    /// asleep through several) make one: the one nearest the start, which says all the others would.
    /// </summary>
    public MaintenanceBulletin? RemindIfDue(DateTimeOffset now)
    {
        if (Stage != MaintenanceStage.Scheduled || now >= Start)
        {
            return null;
        }

        var due = RemindersDue.Where(lead => Start - lead <= now).ToList();
        if (due.Count == 0)
        {
            return null;
        }

        RemindersDue.RemoveAll(due.Contains);
        return Hand(MaintenanceBulletinKind.Reminder, now, b => b with { LeadTime = due.Min() });
    }

    /// <summary>The work begins (at the planned start, whenever the grain got round to it).</summary>
    public MaintenanceBulletin? Begin(DateTimeOffset now)
    {
        if (!IsStartDue(now))
        {
            return null;
        }

        Stage = MaintenanceStage.InProgress;
        StartedAt = Start;
        RemindersDue.Clear();
        return Hand(MaintenanceBulletinKind.Started, now);
    }

    /// <summary>
    /// The window is over. <paramref name="overrunIncidentId"/> names the incident a service still not
    /// working at the end became; its work overran, so the SLA counts the whole window.
    /// </summary>
    public MaintenanceBulletin? Complete(DateTimeOffset now, string? overrunIncidentId)
    {
        if (!IsEndDue(now))
        {
            return null;
        }

        Stage = MaintenanceStage.Completed;
        CompletedAt = End;
        Overran = overrunIncidentId is not null;
        OverrunIncidentId = overrunIncidentId;
        return Hand(MaintenanceBulletinKind.Completed, now, b => b with { OverrunIncidentId = overrunIncidentId });
    }

    /// <summary>The overrunning work is done: the last service came back at <paramref name="at"/>.</summary>
    public bool RecordWorkEnded(DateTimeOffset at)
    {
        if (!Overran || WorkEndedAt is not null)
        {
            return false;
        }

        WorkEndedAt = at < End ? End : at;
        return true;
    }

    /// <summary>
    /// When the work ended as far as the SLA is concerned: the planned end if it kept to it; for an
    /// overrun, when the services came back, or <paramref name="now"/> while they have not.
    /// </summary>
    public DateTimeOffset? EndedAt(DateTimeOffset now) => Stage switch
    {
        MaintenanceStage.Completed when Overran => WorkEndedAt ?? (now > End ? now : End.AddTicks(1)),
        MaintenanceStage.Completed => CompletedAt,
        _ => null,
    };

    /// <summary>Whether this window and [<paramref name="start"/>, <paramref name="end"/>) share a moment.</summary>
    public bool Overlaps(DateTimeOffset start, DateTimeOffset end) => Start < end && start < End;

    private void Announce(DateTimeOffset now)
    {
        AnnouncedAt = now;

        // Only reminders still ahead: a lead longer than the notice given was covered by the announcement itself.
        RemindersDue = [.. NoticeLeadTimes.Where(lead => Start - lead > now)];
    }

    private MaintenanceBulletin Hand(MaintenanceBulletinKind kind, DateTimeOffset now, Func<MaintenanceBulletin, MaintenanceBulletin>? detail = null)
    {
        var bulletin = new MaintenanceBulletin(++BulletinSequence, kind, now, Revision, CancelledAt ?? AnnouncedAt, Start, End, RemindersAhead: [.. RemindersDue]);
        bulletin = detail?.Invoke(bulletin) ?? bulletin;
        Bulletins.Add(bulletin);
        return bulletin;
    }
}
