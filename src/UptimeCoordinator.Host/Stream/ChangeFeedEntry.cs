using UptimeCoordinator.Contracts.Changes;

namespace UptimeCoordinator.Host.Stream;

/// <summary>One change as this host serves it: its event id here, its SSE event type and its ready-made SSE frame.</summary>
internal sealed record ChangeFeedEntry(long Id, string Type, ChangeEvent Change, ReadOnlyMemory<byte> Frame);
