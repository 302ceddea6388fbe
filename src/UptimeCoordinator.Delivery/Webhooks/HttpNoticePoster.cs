using System.Diagnostics.CodeAnalysis;
using Microsoft.AspNetCore.WebUtilities;
using UptimeCoordinator.Delivery.Dispatching;

namespace UptimeCoordinator.Delivery.Webhooks;

/// <summary>
/// Sends one webhook or Slack request and judges the answer. Redirects are never followed: a
/// receiver that moved must be reconfigured, not chased to a target nobody checked.
/// </summary>
internal sealed class HttpNoticePoster(IHttpClientFactory clients)
{
    public const string ClientName = "UptimeCoordinator.Delivery.Webhooks";

    public static bool TryGetTarget(string url, [NotNullWhen(true)] out Uri? target) =>
        Uri.TryCreate(url, UriKind.Absolute, out target) && (target.Scheme == Uri.UriSchemeHttps || target.Scheme == Uri.UriSchemeHttp);

    /// <summary>Scheme, host and port: the key of the endpoint's circuit, and safe to log.</summary>
    public static string EndpointOf(string url) => TryGetTarget(url, out var target) ? $"{target.Scheme}://{target.Authority}" : "invalid-url";

    public async Task<AttemptResult> PostAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        try
        {
            using var response = await clients.CreateClient(ClientName)
                .SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cancellationToken);
            return Judge((int)response.StatusCode);
        }
        catch (HttpRequestException exception) when (!cancellationToken.IsCancellationRequested)
        {
            return RefusalIn(exception) is { } refusal
                ? AttemptResult.Permanent(refusal.Message)
                : AttemptResult.Transient(Describe(exception));
        }
    }

    private static AttemptResult Judge(int status)
    {
        var text = $"HTTP {status} {ReasonPhrases.GetReasonPhrase(status)}".TrimEnd();
        return status switch
        {
            >= 200 and < 300 => AttemptResult.Sent,
            >= 300 and < 400 => AttemptResult.Permanent($"{text}: redirects are not followed"),
            408 or 429 or >= 500 => AttemptResult.Transient(text),
            _ => AttemptResult.Permanent(text),
        };
    }

    private static PrivateAddressRefusedException? RefusalIn(Exception exception)
    {
        for (var current = exception; current is not null; current = current.InnerException)
        {
            if (current is PrivateAddressRefusedException refusal)
            {
                return refusal;
            }
        }

        return null;
    }

    private static string Describe(HttpRequestException exception) => exception.HttpRequestError switch
    {
        HttpRequestError.NameResolutionError => "host not found",
        HttpRequestError.SecureConnectionError => "TLS handshake failed",
        HttpRequestError.ResponseEnded => "the connection closed before a response",
        HttpRequestError.InvalidResponse => "invalid HTTP response",
        _ => NetworkFailure.Describe(exception) ?? "connection failed",
    };
}
