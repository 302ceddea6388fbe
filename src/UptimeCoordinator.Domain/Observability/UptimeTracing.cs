using System.Diagnostics;

namespace UptimeCoordinator.Domain.Observability;

/// <summary>
/// The product's own spans, where work leaves one call for a later turn (a fan-out in a timer, a
/// delivery on the dispatcher): they carry on the trace of the request that caused them, so one
/// trace follows an event from HTTP through the grains to the webhook.
/// </summary>
public static class UptimeTracing
{
    public const string SourceName = "UptimeCoordinator";

    public static readonly ActivitySource Source = new(SourceName);

    /// <summary>The W3C id of the current span, to hand to work that runs later.</summary>
    public static string? CurrentParent => Activity.Current?.Id;

    /// <summary>A span continuing <paramref name="parent"/> (a W3C traceparent), or a new trace without one.</summary>
    public static Activity? Continue(string name, string? parent, ActivityKind kind = ActivityKind.Internal) =>
        parent is not null && ActivityContext.TryParse(parent, null, out var context)
            ? Source.StartActivity(name, kind, context)
            : Source.StartActivity(name, kind);
}
