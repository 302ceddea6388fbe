using UptimeCoordinator.Domain.Incidents;

namespace UptimeCoordinator.Domain.Tests.Incidents;

/// <summary>Which timeline entries a client's status shows: what happened and what responders said, never the team's own traffic.</summary>
public sealed class PublicTimelineTests
{
    private static readonly TimelineEntryKind[] Private =
    [
        TimelineEntryKind.RespondersNudged, TimelineEntryKind.FollowUpSent, TimelineEntryKind.SurveySent, TimelineEntryKind.Feedback,
    ];

    public static TheoryData<TimelineEntryKind> EveryKind()
    {
        var kinds = new TheoryData<TimelineEntryKind>();
        foreach (var kind in Enum.GetValues<TimelineEntryKind>())
        {
            kinds.Add(kind);
        }

        return kinds;
    }

    [Theory]
    [MemberData(nameof(EveryKind))]
    public void OnlyNudgesQuestionsAndAnswersStayPrivate(TimelineEntryKind kind) =>
        Assert.Equal(!Private.Contains(kind), kind.IsPublic());

    [Fact]
    public void WhatRespondersTellTheWorldIsPublic()
    {
        // Spelled out so that a new kind added to the private list by mistake fails here by name.
        TimelineEntryKind[] told =
        [
            TimelineEntryKind.Opened, TimelineEntryKind.Acknowledged, TimelineEntryKind.Update, TimelineEntryKind.EtaChanged,
            TimelineEntryKind.StillWorking, TimelineEntryKind.SummaryAdded, TimelineEntryKind.Resolved, TimelineEntryKind.Reopened,
        ];

        Assert.All(told, kind => Assert.True(kind.IsPublic(), $"{kind} should be public"));
    }
}
