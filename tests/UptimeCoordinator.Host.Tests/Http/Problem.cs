using System.Net;
using System.Text.Json;

namespace UptimeCoordinator.Host.Tests.Http;

/// <summary>Assertions on RFC 7807 problem responses.</summary>
public static class Problem
{
    public const string MediaType = "application/problem+json";

    /// <summary>Asserts a problem response with <paramref name="status"/> and returns its body.</summary>
    public static async Task<JsonElement> AssertAsync(HttpResponseMessage response, HttpStatusCode status)
    {
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(status == response.StatusCode, $"Expected {(int)status} {status} but got {(int)response.StatusCode}: {text}");
        Assert.Equal(MediaType, response.Content.Headers.ContentType?.MediaType);
        ErrorBodyGuard.AssertNoInternals(text);
        var problem = await response.ReadJsonAsync();
        Assert.Equal((int)status, problem.GetProperty("status").GetInt32());
        Assert.False(string.IsNullOrWhiteSpace(problem.Str("title")));
        return problem;
    }

    /// <summary>Asserts a 400 validation problem whose <c>errors</c> map has <paramref name="key"/>; returns that key's messages.</summary>
    public static async Task<string[]> AssertValidationAsync(HttpResponseMessage response, string key)
    {
        var problem = await AssertAsync(response, HttpStatusCode.BadRequest);
        var errors = Errors(problem);
        Assert.True(errors.ContainsKey(key), $"errors has no '{key}': {problem.GetProperty("errors")}");
        Assert.NotEmpty(errors[key]);
        return errors[key];
    }

    public static Dictionary<string, string[]> Errors(JsonElement problem) =>
        problem.TryGetProperty("errors", out var errors)
            ? errors.EnumerateObject().ToDictionary(e => e.Name, e => e.Value.EnumerateArray().Select(m => m.GetString()!).ToArray())
            : [];
}
