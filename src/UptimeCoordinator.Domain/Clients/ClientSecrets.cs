namespace UptimeCoordinator.Domain.Clients;

/// <summary>
/// Webhook secrets are write-only: no response shows them, so a client read, edited and written
/// back has none. A contact resubmitted without a secret keeps the one it had.
/// </summary>
public static class ClientSecrets
{
    public static ClientDefinition KeepOmitted(ClientDefinition submitted, ClientDefinition? stored)
    {
        if (stored is null)
        {
            return submitted;
        }

        var secrets = stored.Contacts.Where(c => c.WebhookSecret is not null).ToDictionary(c => c.Id, c => c.WebhookSecret, StringComparer.Ordinal);
        return submitted with
        {
            Contacts = [.. submitted.Contacts.Select(c =>
                c.WebhookSecret is null && c.WebhookUrl is not null && secrets.TryGetValue(c.Id, out var kept) ? c with { WebhookSecret = kept } : c)],
        };
    }
}
