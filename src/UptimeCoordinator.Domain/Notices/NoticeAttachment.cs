namespace UptimeCoordinator.Domain.Notices;

/// <summary>A file sent with an email notice, such as a maintenance window's iCalendar invite.</summary>
/// <param name="MediaType">The full Content-Type, parameters included (<c>text/calendar; method=PUBLISH; charset=utf-8</c>).</param>
public sealed record NoticeAttachment(string FileName, string MediaType, string Content);
