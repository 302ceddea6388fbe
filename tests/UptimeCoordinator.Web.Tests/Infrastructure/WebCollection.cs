namespace UptimeCoordinator.Web.Tests.Infrastructure;

/// <summary>
/// The tests that share one <see cref="WebFixture"/> (one host, one browser). Tests in one collection
/// run one after another, which also keeps a 2-core machine from timing out a page.
/// </summary>
[CollectionDefinition(Name)]
public sealed class WebCollection : ICollectionFixture<WebFixture>
{
    public const string Name = "web: shared host and browser";
}
