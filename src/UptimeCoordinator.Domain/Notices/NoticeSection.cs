namespace UptimeCoordinator.Domain.Notices;

/// <summary>One headed part of a notice: its lines read as a bulleted list or as one paragraph.</summary>
internal readonly record struct NoticeSection(string Heading, string[] Lines, bool Bulleted);
