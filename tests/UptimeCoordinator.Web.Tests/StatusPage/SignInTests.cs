using Microsoft.Playwright;
using UptimeCoordinator.Web.Tests.Infrastructure;
using static Microsoft.Playwright.Assertions;

namespace UptimeCoordinator.Web.Tests.StatusPage;

/// <summary>
/// Signing in to a status page: the key in the link becomes an HttpOnly, SameSite=Strict cookie and
/// leaves the address bar; a wrong key, another client's key and another client's page all look
/// like a page that does not exist.
/// </summary>
[Collection(WebCollection.Name)]
public sealed class SignInTests(WebFixture web)
{
    [SkippableFact]
    public async Task KeyLinkRedirectsToThePageWithoutTheKeyAndSetsAStrictHttpOnlyCookie()
    {
        var clientId = web.NewClientId();
        await web.Api.PutClientAsync(clientId, [await web.Api.CreateServiceAsync()], name: "Initech");
        var context = await web.NewContextAsync();
        var page = await context.NewPageAsync();
        var redirects = new List<string>();
        page.Response += (_, response) =>
        {
            if (response.Status is >= 300 and < 400)
            {
                redirects.Add(response.Url);
            }
        };

        var response = await page.GotoAsync($"/status/{clientId}?key={WebKeys.ClientKey(clientId)}");

        Assert.Equal(200, response!.Status);
        Assert.Equal(web.Host.Url($"/status/{clientId}"), page.Url);
        Assert.Single(redirects);
        Assert.Contains("key=", redirects[0], StringComparison.Ordinal);
        var cookie = Assert.Single(await context.CookiesAsync(), c => c.Name == "uc_client");
        Assert.True(cookie.HttpOnly);
        Assert.Equal(SameSiteAttribute.Strict, cookie.SameSite);
        Assert.Equal("/", cookie.Path);
        Assert.DoesNotContain(WebKeys.ClientKey(clientId), cookie.Value, StringComparison.Ordinal);
        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToContainTextAsync("Initech");

        // A script cannot read it: HttpOnly keeps it from document.cookie.
        Assert.DoesNotContain("uc_client", await page.EvaluateAsync<string>("document.cookie"), StringComparison.Ordinal);
    }

    [SkippableFact]
    public async Task AnotherClientsKeyAndAWrongKeyShowNotFound()
    {
        var context = await web.NewContextAsync();
        var page = await context.NewPageAsync();

        foreach (var url in new[] { $"/status/{WebKeys.GlobexId}?key={WebKeys.Acme}", $"/status/{WebKeys.AcmeId}?key={WebKeys.Unknown}" })
        {
            var response = await page.GotoAsync(url);

            Assert.Equal(404, response!.Status);
            await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Not found");
        }

        Assert.DoesNotContain(await context.CookiesAsync(), c => c.Name == "uc_client");
    }

    [SkippableFact]
    public async Task OneClientsCookieDoesNotOpenAnotherClientsPage()
    {
        await web.Api.PutClientAsync(WebKeys.AcmeId, [await web.Api.CreateServiceAsync()]);
        await web.Api.PutClientAsync(WebKeys.GlobexId, [await web.Api.CreateServiceAsync()]);
        var context = await web.NewContextAsync();
        await WebFixture.OpenAsync(context, $"/status/{WebKeys.AcmeId}?key={WebKeys.Acme}");
        var page = await context.NewPageAsync();

        var response = await page.GotoAsync($"/status/{WebKeys.GlobexId}");

        Assert.Equal(404, response!.Status);
        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Not found");

        // Nor does it read the other client's data through the API.
        var status = await page.EvaluateAsync<int>($"fetch('/api/v1/clients/{WebKeys.GlobexId}/status').then(r => r.status)");
        Assert.Equal(404, status);
    }
}
