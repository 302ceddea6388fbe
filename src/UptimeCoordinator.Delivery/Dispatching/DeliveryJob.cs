namespace UptimeCoordinator.Delivery.Dispatching;

/// <summary>
/// One notice on its way through this silo. Its state decides, atomically, whether a withdrawal or
/// the next attempt wins: a withdrawal succeeds only while no attempt is under way.
/// </summary>
internal sealed class DeliveryJob(NoticeDelivery delivery)
{
    private const int Queued = 0;
    private const int Attempting = 1;
    private const int Waiting = 2;
    private const int Finishing = 3;
    private const int Withdrawn = 4;

    // Never disposed: it has no timer or links, and a withdrawal may still cancel it after the job ended.
    private readonly CancellationTokenSource _withdrawal = new();
    private int _state = Queued;
    private int _attempts;

    public NoticeDelivery Delivery { get; } = delivery;

    public string NoticeId => Delivery.NoticeId;

    /// <summary>Attempts that reached the channel; calls the circuit breaker refused are not counted.</summary>
    public int Attempts => Volatile.Read(ref _attempts);

    /// <summary>The error of the latest attempt that reached the channel.</summary>
    public string? LastAttemptError { get; set; }

    public CancellationToken WithdrawalToken => _withdrawal.Token;

    public bool IsWithdrawn => Volatile.Read(ref _state) == Withdrawn;

    public bool TryBeginAttempt()
    {
        if (!TryMove(Queued, Attempting) && !TryMove(Waiting, Attempting))
        {
            return false;
        }

        Interlocked.Increment(ref _attempts);
        return true;
    }

    /// <summary>A retry is scheduled: from now until the next attempt begins, the job may be withdrawn.</summary>
    public void AwaitRetry() => TryMove(Attempting, Waiting);

    public bool TryWithdraw()
    {
        if (!TryMove(Queued, Withdrawn) && !TryMove(Waiting, Withdrawn))
        {
            return false;
        }

        _withdrawal.Cancel();
        return true;
    }

    /// <summary>Claims the job for reporting its outcome; false when it was withdrawn first.</summary>
    public bool TryFinish()
    {
        while (true)
        {
            var state = Volatile.Read(ref _state);
            if (state == Withdrawn)
            {
                return false;
            }

            if (Interlocked.CompareExchange(ref _state, Finishing, state) == state)
            {
                return true;
            }
        }
    }

    private bool TryMove(int from, int to) => Interlocked.CompareExchange(ref _state, to, from) == from;
}
