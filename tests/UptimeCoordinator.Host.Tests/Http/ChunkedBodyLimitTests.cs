using System.Net;
using System.Text;

namespace UptimeCoordinator.Host.Tests.Http;

/// <summary>
/// A body sent without Content-Length (chunked) is held to the same 1 MiB limit while it is read.
/// Only a real Kestrel enforces that, so this test runs the host on Kestrel rather than the test server.
/// </summary>
public sealed class ChunkedBodyLimitTests
{
    [Fact]
    public async Task ChunkedBodyOverOneMebibyteIsPayloadTooLargeAndNothingIsApplied()
    {
        await using var app = new CoordinatorApp();
        app.UseKestrel(0);
        using var api = new CoordinatorClient(app);
        var id = TestIds.Unique();
        await api.CreateServiceAsync(id);
        var item = $$"""{"serviceId":"{{id}}","status":"down","message":"{{new string('x', 900)}}"}""";
        var body = Encoding.UTF8.GetBytes("[" + string.Join(",", Enumerable.Repeat(item, 1200)) + "]");
        using var content = new StreamContent(new UnknownLengthStream(body));
        content.Headers.ContentType = new("application/json");

        using var response = await api.Monitor.PostAsync("/api/v1/events", content);

        Assert.True(body.Length > 1024 * 1024);
        Assert.True(response.RequestMessage!.Headers.TransferEncodingChunked);
        await Problem.AssertAsync(response, HttpStatusCode.RequestEntityTooLarge);
        Assert.Equal("operational", (await api.GetServiceAsync(id)).Str("status"));
    }

    /// <summary>A stream whose length the client cannot know, so it sends the body chunked.</summary>
    private sealed class UnknownLengthStream(byte[] data) : MemoryStream(data)
    {
        public override bool CanSeek => false;
    }
}
