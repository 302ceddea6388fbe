namespace UptimeCoordinator.Domain.Notices;

/// <summary>What a notice says: a one-line subject, a plain-text body and the same as HTML.</summary>
public sealed record NoticeContent(string Subject, string Text, string Html);
