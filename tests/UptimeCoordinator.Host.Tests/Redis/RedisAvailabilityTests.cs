using Xunit.Sdk;

namespace UptimeCoordinator.Host.Tests.Redis;

/// <summary>Without redis-server the Redis test is skipped on a developer machine and fails under CI.</summary>
public sealed class RedisAvailabilityTests
{
    [Fact]
    public void WithoutRedisServerOnPathAndCiUnsetTheTestIsSkipped()
    {
        var skip = Assert.Throws<Xunit.SkipException>(() => RedisServer.RequireExecutable(MissingDirectory(), null));
        Assert.Contains("redis-server", skip.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("true")]
    [InlineData("TRUE")]
    [InlineData("1")]
    public void WithoutRedisServerOnPathUnderCiTheTestFails(string ci)
    {
        var failure = Assert.ThrowsAny<XunitException>(() => RedisServer.RequireExecutable(MissingDirectory(), ci));
        Assert.Contains("CI=true", failure.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void RedisServerIsFoundOnPath()
    {
        var directory = Directory.CreateTempSubdirectory("uc-redis-path-").FullName;
        try
        {
            var executable = Path.Combine(directory, "redis-server");
            File.WriteAllText(executable, "");
            var path = string.Join(Path.PathSeparator, MissingDirectory(), directory);

            Assert.Equal(executable, RedisServer.RequireExecutable(path, "true"));
        }
        finally
        {
            Directory.Delete(directory, recursive: true);
        }
    }

    private static string MissingDirectory() => Path.Combine(Path.GetTempPath(), $"uc-no-redis-{Guid.NewGuid():N}");
}
