using System.Net;
using System.Text;

namespace UptimeCoordinator.Host.Tests.Stream;

/// <summary>
/// Reads <c>GET /api/v1/stream</c> the way a browser's EventSource does, one message at a time, each
/// read bounded by a timeout so that a missing event fails the test instead of hanging it.
/// </summary>
public sealed class SseReader : IAsyncDisposable
{
    public const string Path = "/api/v1/stream";

    private readonly HttpResponseMessage _response;
    private readonly StreamReader _reader;
    private readonly List<SseMessage> _seen = [];

    private SseReader(HttpResponseMessage response, System.IO.Stream body)
    {
        _response = response;
        _reader = new StreamReader(body, Encoding.UTF8);
    }

    /// <summary>Everything read so far, for failure messages and for "nothing but heartbeats" checks.</summary>
    public IReadOnlyList<SseMessage> Seen => _seen;

    public HttpResponseMessage Response => _response;

    /// <summary>Opens the stream and asserts 200 text/event-stream; the caller owns the result.</summary>
    public static async Task<SseReader> OpenAsync(HttpClient client, string? lastEventId = null, string path = Path)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, path);
        request.Headers.Accept.ParseAdd("text/event-stream");
        if (lastEventId is not null)
        {
            request.Headers.Add("Last-Event-ID", lastEventId);
        }

        using var opening = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        var response = await client.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, opening.Token);
        if (response.StatusCode != HttpStatusCode.OK)
        {
            var text = await response.Content.ReadAsStringAsync(opening.Token);
            response.Dispose();
            Assert.Fail($"GET {path}: {(int)response.StatusCode} {text}");
        }

        Assert.Equal("text/event-stream", response.Content.Headers.ContentType?.MediaType);
        return new SseReader(response, await response.Content.ReadAsStreamAsync(opening.Token));
    }

    /// <summary>The next message, event or comment; fails after <paramref name="timeout"/>.</summary>
    public async Task<SseMessage> NextAsync(TimeSpan timeout)
    {
        using var limit = new CancellationTokenSource(timeout);
        string? id = null, type = null;
        StringBuilder? data = null;
        var comments = new List<string>();
        try
        {
            while (true)
            {
                var line = await _reader.ReadLineAsync(limit.Token)
                    ?? throw new EndOfStreamException($"The stream ended. Read so far:\n{Transcript()}");
                if (line.Length == 0)
                {
                    if (data is null && comments.Count == 0 && id is null)
                    {
                        continue;
                    }

                    var message = new SseMessage(id, type, data?.ToString(), comments);
                    _seen.Add(message);
                    return message;
                }

                if (line.StartsWith(':'))
                {
                    comments.Add(line[1..].TrimStart());
                    continue;
                }

                var colon = line.IndexOf(':', StringComparison.Ordinal);
                var (field, value) = colon < 0 ? (line, "") : (line[..colon], line[(colon + 1)..].TrimStart(' '));
                switch (field)
                {
                    case "id":
                        id = value;
                        break;
                    case "event":
                        type = value;
                        break;
                    case "data":
                        data = data is null ? new StringBuilder(value) : data.Append('\n').Append(value);
                        break;
                }
            }
        }
        catch (OperationCanceledException) when (limit.IsCancellationRequested)
        {
            throw new TimeoutException($"No complete message within {timeout.TotalSeconds:0.#} s. Read so far:\n{Transcript()}");
        }
    }

    /// <summary>Reads until an event of <paramref name="type"/> matching <paramref name="match"/>; fails after <paramref name="timeout"/> in all.</summary>
    public async Task<SseMessage> NextEventAsync(string type, Func<SseMessage, bool> match, TimeSpan timeout)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (true)
        {
            var left = deadline - DateTime.UtcNow;
            if (left <= TimeSpan.Zero)
            {
                throw new TimeoutException($"No '{type}' event matched within {timeout.TotalSeconds:0.#} s. Read so far:\n{Transcript()}");
            }

            var message = await NextAsync(left);
            if (message.IsEvent && message.Event == type && match(message))
            {
                return message;
            }
        }
    }

    /// <summary>Reads until a comment equal to <paramref name="comment"/>, such as <c>heartbeat</c>.</summary>
    public async Task<SseMessage> NextCommentAsync(string comment, TimeSpan timeout)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (true)
        {
            var left = deadline - DateTime.UtcNow;
            if (left <= TimeSpan.Zero)
            {
                throw new TimeoutException($"No ': {comment}' within {timeout.TotalSeconds:0.#} s. Read so far:\n{Transcript()}");
            }

            var message = await NextAsync(left);
            if (message.Comments.Contains(comment))
            {
                return message;
            }
        }
    }

    public string Transcript() => _seen.Count == 0 ? "(nothing)" : string.Join("\n", _seen);

    public ValueTask DisposeAsync()
    {
        _reader.Dispose();
        _response.Dispose();
        return ValueTask.CompletedTask;
    }
}
