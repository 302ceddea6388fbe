using System.Collections.Concurrent;
using Microsoft.Playwright;

namespace UptimeCoordinator.Web.Tests.Infrastructure;

/// <summary>
/// One running host, its API helpers and one browser, shared by the tests of a collection to pay
/// the silo's and the browser's start once. State is shared too: each test takes its own client id
/// (<see cref="NewClientId"/>) and its own service ids, and each opens its own browser context, so
/// no cookie or page is shared between tests.
/// </summary>
public class WebFixture : IAsyncLifetime
{
    /// <summary>How long a page action or a web-first assertion waits for its condition before failing.</summary>
    public static readonly TimeSpan Patience = TimeSpan.FromSeconds(15);

    private readonly ConcurrentQueue<string> freeClientIds = new(WebKeys.PooledClientIds);
    private readonly ConcurrentBag<IBrowserContext> contexts = [];

    public WebFixture()
        : this(null)
    {
    }

    /// <summary>For a fixture of its own whose host needs other settings (shorter delays, say); the rest stays the same.</summary>
    protected WebFixture(IReadOnlyDictionary<string, string>? settings) => Host = new WebHostApp(settings);

    public WebHostApp Host { get; }

    public WebApi Api { get; private set; } = null!;

    public Chromium Chromium { get; } = new();

    public virtual async Task InitializeAsync()
    {
        Host.StartServer();
        Api = new WebApi(Host);
        await Api.WaitUntilReadyAsync();
        await Chromium.LaunchAsync();
        Assertions.SetDefaultExpectTimeout((float)Patience.TotalMilliseconds);
    }

    /// <summary>A client id no other test of this host uses, with a key (<see cref="WebKeys.ClientKey"/>); define it with <see cref="WebApi.PutClientAsync"/>.</summary>
    public string NewClientId() =>
        freeClientIds.TryDequeue(out var id) ? id : throw new InvalidOperationException($"All {WebKeys.PoolSize} pooled client ids are taken: raise WebKeys.PoolSize.");

    /// <summary>
    /// A fresh browser context (its own cookies) on this host, closed with the fixture. Skips or fails the
    /// test when there is no browser (see <see cref="Chromium.Require"/>). Default viewport 1280×900.
    /// </summary>
    public async Task<IBrowserContext> NewContextAsync(BrowserNewContextOptions? options = null)
    {
        options ??= new BrowserNewContextOptions();
        options.BaseURL ??= Host.BaseUrl.ToString();
        options.ViewportSize ??= new ViewportSize { Width = 1280, Height = 900 };
        options.Locale ??= "en-GB";
        var context = await Chromium.Browser.NewContextAsync(options);
        context.SetDefaultTimeout((float)Patience.TotalMilliseconds);
        contexts.Add(context);
        return context;
    }

    /// <summary>Signs <paramref name="context"/> in to the ops console by opening <c>/ops?key=</c>; returns the page, now on <c>/ops</c>.</summary>
    public Task<IPage> SignInAsOpsAsync(IBrowserContext context) => OpenAsync(context, $"/ops?key={Uri.EscapeDataString(WebKeys.Ops)}");

    /// <summary>Signs <paramref name="context"/> in to <paramref name="clientId"/>'s status page by opening <c>/status/{id}?key=</c>; returns the page, now on <c>/status/{id}</c>.</summary>
    public Task<IPage> SignInAsClientAsync(IBrowserContext context, string clientId, string? key = null) =>
        OpenAsync(context, $"/status/{Uri.EscapeDataString(clientId)}?key={Uri.EscapeDataString(key ?? WebKeys.ClientKey(clientId))}");

    /// <summary>A new page in <paramref name="context"/> at <paramref name="pathAndQuery"/>, asserting the final answer was 200; failed requests and script errors are on <see cref="PageProblems"/>.</summary>
    public static async Task<IPage> OpenAsync(IBrowserContext context, string pathAndQuery)
    {
        var page = await context.NewPageAsync();
        PageProblems.Watch(page);
        var response = await page.GotoAsync(pathAndQuery);
        Assert.True(response is { Status: 200 }, $"GET {pathAndQuery}: {response?.Status}");
        return page;
    }

    public virtual async Task DisposeAsync()
    {
        foreach (var context in contexts)
        {
            await context.CloseAsync();
        }

        await Chromium.DisposeAsync();
        Api?.Dispose();
        await Host.DisposeAsync();
    }
}
