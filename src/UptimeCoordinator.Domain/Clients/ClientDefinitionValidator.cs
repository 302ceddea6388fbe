using System.Net.Mail;
using UptimeCoordinator.Domain.Costs;
using UptimeCoordinator.Domain.Notices;
using UptimeCoordinator.Domain.Sla;
using UptimeCoordinator.Domain.Services;

namespace UptimeCoordinator.Domain.Clients;

/// <summary>
/// Checks a client on its own. Whether its subscribed services exist needs the catalogue, which
/// the client grain asks.
/// </summary>
public static class ClientDefinitionValidator
{
    public const int MaxNameLength = 200;
    public const int MaxSubscriptions = 500;
    public const int MaxContacts = 100;
    public const int MaxUrlLength = 2048;
    public const int MinSecretLength = 8;
    public const int MaxSecretLength = 256;

    public static ValidationErrors Validate(ClientDefinition client, bool allowPrivateNetworks)
    {
        var errors = new ValidationErrors();
        if (!ClientId.IsValid(client.Id))
        {
            errors.Add("id", $"must match {ClientId.Pattern}");
        }

        ValidateName(client.Name, "name", errors);
        if (!TimeZones.TryFind(client.TimeZone, out _))
        {
            errors.Add("timeZone", $"'{client.TimeZone}' is not an IANA time zone such as Europe/Berlin");
        }

        ValidateSubscriptions(client.Subscriptions, errors);
        ValidateContacts(client.Contacts, allowPrivateNetworks, errors);
        if (client.CostProfile is { } cost)
        {
            CostProfileValidator.Validate(cost, errors);
        }

        if (client.Sla is { } sla)
        {
            SlaTermsValidator.Validate(sla.Terms, errors);
            if (!Currencies.IsKnown(sla.FeeCurrency))
            {
                errors.Add("sla.monthlyFee.currency", $"'{sla.FeeCurrency}' is not an ISO 4217 currency code such as EUR");
            }
        }

        return errors;
    }

    private static void ValidateSubscriptions(IReadOnlyList<Subscription> subscriptions, ValidationErrors errors)
    {
        if (subscriptions.Count > MaxSubscriptions)
        {
            errors.Add("subscriptions", $"must list at most {MaxSubscriptions} services");
            return;
        }

        var seen = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < subscriptions.Count; i++)
        {
            var (serviceId, impact) = subscriptions[i];
            if (!ServiceId.IsValid(serviceId))
            {
                errors.Add($"subscriptions[{i}].serviceId", $"must be a service id matching {ServiceId.Pattern}");
            }
            else if (!seen.Add(serviceId))
            {
                errors.Add($"subscriptions[{i}].serviceId", $"'{serviceId}' is listed twice");
            }

            if (!double.IsFinite(impact) || impact is < 0 or > 1)
            {
                errors.Add($"subscriptions[{i}].impact", "must be between 0 and 1");
            }
        }
    }

    private static void ValidateContacts(IReadOnlyList<Contact> contacts, bool allowPrivateNetworks, ValidationErrors errors)
    {
        if (contacts.Count > MaxContacts)
        {
            errors.Add("contacts", $"must list at most {MaxContacts} contacts");
            return;
        }

        var seen = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < contacts.Count; i++)
        {
            var contact = contacts[i];
            var path = $"contacts[{i}]";
            if (!ClientId.IsValid(contact.Id))
            {
                errors.Add($"{path}.id", $"must match {ClientId.Pattern}");
            }
            else if (!seen.Add(contact.Id))
            {
                errors.Add($"{path}.id", $"'{contact.Id}' is listed twice");
            }

            ValidateName(contact.Name, $"{path}.name", errors);
            ValidateChannels(contact, path, allowPrivateNetworks, errors);
            if (contact.TimeZone is { } zone && !TimeZones.TryFind(zone, out _))
            {
                errors.Add($"{path}.timeZone", $"'{zone}' is not an IANA time zone such as Europe/Berlin");
            }
        }
    }

    private static void ValidateChannels(Contact contact, string path, bool allowPrivateNetworks, ValidationErrors errors)
    {
        if (contact.Email is null && contact.WebhookUrl is null && contact.SlackWebhookUrl is null)
        {
            errors.Add(path, "needs at least one of email, webhookUrl and slackWebhookUrl");
        }

        if (contact.Email is { } email && !IsMailbox(email))
        {
            errors.Add($"{path}.email", $"'{email}' is not an email address");
        }

        ValidateUrl(contact.WebhookUrl, $"{path}.webhookUrl", allowPrivateNetworks, errors);
        ValidateUrl(contact.SlackWebhookUrl, $"{path}.slackWebhookUrl", allowPrivateNetworks, errors);
        if (contact.WebhookSecret is { } secret)
        {
            if (contact.WebhookUrl is null)
            {
                errors.Add($"{path}.webhookSecret", "is only used with a webhookUrl");
            }
            else if (secret.Length is < MinSecretLength or > MaxSecretLength || secret.Any(char.IsControl))
            {
                errors.Add($"{path}.webhookSecret", $"must be {MinSecretLength} to {MaxSecretLength} printable characters");
            }
        }
    }

    private static void ValidateUrl(string? url, string path, bool allowPrivateNetworks, ValidationErrors errors)
    {
        if (url is null)
        {
            return;
        }

        if (url.Length > MaxUrlLength || !Uri.TryCreate(url, UriKind.Absolute, out var uri) || uri.Scheme is not ("http" or "https") || uri.Host.Length == 0)
        {
            errors.Add(path, "must be an absolute http or https URL");
        }
        else if (uri.UserInfo.Length > 0)
        {
            errors.Add(path, "must not carry a user name or password; use webhookSecret to sign instead");
        }
        else if (!allowPrivateNetworks && PrivateNetworks.RefusalFor(uri) is { } refusal)
        {
            errors.Add(path, $"{refusal}; set Notifications:Webhooks:AllowPrivateNetworks to allow it");
        }
    }

    private static void ValidateName(string name, string path, ValidationErrors errors)
    {
        if (string.IsNullOrWhiteSpace(name))
        {
            errors.Add(path, "is required");
        }
        else if (name.Length > MaxNameLength)
        {
            errors.Add(path, $"must be at most {MaxNameLength} characters");
        }
        else if (!SingleLineText.IsSingleLine(name))
        {
            errors.Add(path, SingleLineText.Refusal);
        }
    }

    // A bare address only: a display name or comment would let a client smuggle text into headers.
    private static bool IsMailbox(string email) =>
        email.Length <= 254
        && !email.Any(c => char.IsControl(c) || char.IsWhiteSpace(c))
        && MailAddress.TryCreate(email, out var address)
        && address.Address == email
        && address.DisplayName.Length == 0;
}
