using Orleans.Runtime;
using UptimeCoordinator.Host.Errors;

namespace UptimeCoordinator.Host.Tests.Http;

public sealed class ClusterTroubleTests
{
    public static TheoryData<Exception> Trouble => new()
    {
        new TimeoutException("grain call past its response timeout"),
        new SiloUnavailableException(),
        new IOException("storage does not answer"),
        new TaskCanceledException("an activation the silo gave up on"),
        new OperationCanceledException(),
        new InvalidOperationException("wrapped", new TimeoutException("inner")),
        new AggregateException(new InvalidOperationException("a bug"), new TaskCanceledException()),
    };

    public static TheoryData<Exception> NotTrouble => new()
    {
        new InvalidOperationException("a bug"),
        new ArgumentException("a bug"),
        new AggregateException(new InvalidOperationException("a bug"), new NullReferenceException()),
    };

    [Theory]
    [MemberData(nameof(Trouble))]
    public void FailuresOfTheClusterAreTrouble(Exception exception) => Assert.True(ClusterTrouble.Is(exception));

    [Theory]
    [MemberData(nameof(NotTrouble))]
    public void BugsAreNot(Exception exception) => Assert.False(ClusterTrouble.Is(exception));

    [Fact]
    public void ACancellationTheCallerCausedIsNotTheClusters()
    {
        using var aborted = new CancellationTokenSource();
        aborted.Cancel();

        Assert.False(ClusterTrouble.Is(new TaskCanceledException(), aborted.Token));
        Assert.False(ClusterTrouble.Is(new AggregateException(new OperationCanceledException()), aborted.Token));
        Assert.True(ClusterTrouble.Is(new TimeoutException(), aborted.Token));
    }
}
