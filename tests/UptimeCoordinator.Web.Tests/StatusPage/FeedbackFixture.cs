using UptimeCoordinator.Web.Tests.Infrastructure;

namespace UptimeCoordinator.Web.Tests.StatusPage;

/// <summary>A host of its own that asks "is it working for you now?" 1 s after an incident resolves and "how did we do?" after 2 s, instead of hours.</summary>
public sealed class FeedbackFixture() : WebFixture(new Dictionary<string, string>
{
    ["Notifications:FollowUpDelay"] = "PT1S",
    ["Notifications:SurveyDelay"] = "PT2S",
});

[CollectionDefinition(Name)]
public sealed class FeedbackCollection : ICollectionFixture<FeedbackFixture>
{
    public const string Name = "web: status page follow-up questions";
}
