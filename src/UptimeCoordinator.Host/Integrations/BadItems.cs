namespace UptimeCoordinator.Host.Integrations;

/// <summary>What an integration does with an item of a payload that cannot become a health event.</summary>
public enum BadItems
{
    /// <summary>Refuse the whole payload as a validation problem, naming the item's field.</summary>
    Reject,

    /// <summary>Apply the other items and report this one as skipped, with the reason.</summary>
    Skip,
}
