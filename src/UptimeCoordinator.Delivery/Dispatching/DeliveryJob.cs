namespace UptimeCoordinator.Delivery.Dispatching;

/// <summary>
/// One notice on its way through this silo. Its state decides, atomically, whether a release (a
/// withdrawal, or the dispatcher stopping) or the next attempt wins: a job is released only while no
/// attempt is under way, and a released job reports no outcome.
/// </summary>
/// <param name="stopping">The dispatcher is stopping: from then on the job begins no attempt and waits for no retry.</param>
internal sealed class DeliveryJob(NoticeDelivery delivery, CancellationToken stopping)
{
    private const int Queued = 0;
    private const int Attempting = 1;
    private const int Waiting = 2;
    private const int Finishing = 3;
    private const int Withdrawn = 4;
    private const int Abandoned = 5;

    // Never disposed: it has no timer or links, and a release may still cancel it after the job ended.
    private readonly CancellationTokenSource _release = new();
    private int _state = Queued;
    private int _attempts;

    public NoticeDelivery Delivery { get; } = delivery;

    public string NoticeId => Delivery.NoticeId;

    /// <summary>Attempts that reached the channel; calls the circuit breaker refused are not counted.</summary>
    public int Attempts => Volatile.Read(ref _attempts);

    /// <summary>The error of the latest attempt that reached the channel.</summary>
    public string? LastAttemptError { get; set; }

    /// <summary>Cancelled when the job is withdrawn or abandoned: its wait for a send slot or a retry ends.</summary>
    public CancellationToken ReleaseToken => _release.Token;

    public bool IsReleased => Volatile.Read(ref _state) is Withdrawn or Abandoned;

    /// <summary>Left to the next host because the dispatcher stopped before the job's next attempt.</summary>
    public bool IsAbandoned => Volatile.Read(ref _state) == Abandoned;

    public bool TryBeginAttempt()
    {
        if (stopping.IsCancellationRequested)
        {
            TryAbandon();
            return false;
        }

        if (!TryMove(Queued, Attempting) && !TryMove(Waiting, Attempting))
        {
            return false;
        }

        Interlocked.Increment(ref _attempts);
        return true;
    }

    /// <summary>
    /// A retry is scheduled: from now until the next attempt begins, the job may be withdrawn. When the
    /// dispatcher is stopping, it is abandoned instead: a stop waits for attempts, not for retries.
    /// </summary>
    public void AwaitRetry()
    {
        if (TryMove(Attempting, Waiting) && stopping.IsCancellationRequested)
        {
            TryAbandon();
        }
    }

    public bool TryWithdraw() => TryRelease(Withdrawn);

    /// <summary>
    /// Leaves a job that no attempt is under way for to the next host: its outbox still holds the
    /// notice as pending and hands it over again, under the same id.
    /// </summary>
    public bool TryAbandon() => TryRelease(Abandoned);

    /// <summary>Claims the job for reporting its outcome; false when it was released first.</summary>
    public bool TryFinish()
    {
        while (true)
        {
            var state = Volatile.Read(ref _state);
            if (state is Withdrawn or Abandoned)
            {
                return false;
            }

            if (Interlocked.CompareExchange(ref _state, Finishing, state) == state)
            {
                return true;
            }
        }
    }

    private bool TryRelease(int to)
    {
        if (!TryMove(Queued, to) && !TryMove(Waiting, to))
        {
            return false;
        }

        _release.Cancel();
        return true;
    }

    private bool TryMove(int from, int to) => Interlocked.CompareExchange(ref _state, to, from) == from;
}
