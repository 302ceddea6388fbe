namespace UptimeCoordinator.Grains.Clients;

/// <summary>
/// Any call that fails discards the activation. A client's methods change its state in memory
/// before they store it, and between the two they await more than the write: arming the SLA watch
/// and the outbox's reminder, both calls to the reminder service, which fail while the silo owning
/// its partition is dying. Kept after such a failure, the activation would answer the fan-out's
/// retry of the same step as already applied, and the notices it planned but never stored would
/// never go out (found by SiloLossTests). The next call reloads what was stored. A timer's tick is
/// no call and passes no filter: the SLA watch's timer discards the same way itself.
/// </summary>
public sealed partial class ClientGrain : IIncomingGrainCallFilter
{
    public async Task Invoke(IIncomingGrainCallContext context)
    {
        try
        {
            await context.Invoke();
        }
        catch
        {
            DeactivateOnIdle();
            throw;
        }
    }
}
