using System.Collections.Concurrent;
using System.Text;

namespace UptimeCoordinator.Host.Tests.Security;

/// <summary>One answer as the caller got it: status, every header but Set-Cookie, the Set-Cookie lines apart, and the body.</summary>
internal sealed record SecretExchange(string Request, int Status, string Headers, IReadOnlyList<string> SetCookies, string Body)
{
    public override string ToString() => $"{Request} -> {Status}";
}

/// <summary>
/// Sits in a test's HTTP clients and keeps every answer, so that all of them can be scanned at the end.
/// An event stream is not buffered (it never ends): its headers are kept and the test scans what it read.
/// </summary>
internal sealed class SecretExchangeRecorder : DelegatingHandler
{
    private readonly ConcurrentQueue<SecretExchange> _exchanges;

    public SecretExchangeRecorder()
        : this(new ConcurrentQueue<SecretExchange>())
    {
    }

    private SecretExchangeRecorder(ConcurrentQueue<SecretExchange> exchanges) => _exchanges = exchanges;

    public IReadOnlyList<SecretExchange> Exchanges => [.. _exchanges];

    /// <summary>Another handler (one per client) that keeps its answers in the same list.</summary>
    public SecretExchangeRecorder Sibling() => new(_exchanges);

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var response = await base.SendAsync(request, cancellationToken);
        var headers = new StringBuilder();
        var setCookies = new List<string>();
        foreach (var (name, values) in response.Headers.Concat(response.Content.Headers))
        {
            if (name.Equals("Set-Cookie", StringComparison.OrdinalIgnoreCase))
            {
                setCookies.AddRange(values);
            }
            else
            {
                headers.Append(name).Append(": ").AppendJoin(", ", values).Append('\n');
            }
        }

        var body = "";
        if (response.Content.Headers.ContentType?.MediaType != "text/event-stream")
        {
            await response.Content.LoadIntoBufferAsync(cancellationToken);
            body = await response.Content.ReadAsStringAsync(cancellationToken);
        }

        _exchanges.Enqueue(new SecretExchange($"{request.Method} {request.RequestUri?.PathAndQuery}", (int)response.StatusCode, headers.ToString(), setCookies, body));
        return response;
    }
}
