using System.Net;
using System.Text;

namespace UptimeCoordinator.Host.Tests.Http;

/// <summary>
/// Bad input gets a clear 4xx <c>application/problem+json</c> and changes nothing (DESIGN.md §4, §6).
/// Every client here also runs <see cref="ErrorBodyGuard"/>, so no error body may leak internals.
/// </summary>
[Collection(SharedCoordinatorCollection.Name)]
public sealed class ErrorTests(CoordinatorFixture fixture)
{
    private const int OneMebibyte = 1024 * 1024;

    private CoordinatorClient Api => fixture.Api;

    /// <summary>Service definitions that fail validation: path id (<c>{id}</c> = a fresh one), body, the error key.</summary>
    public static TheoryData<string, string, string> InvalidDefinitions => new()
    {
        { "{id}", """{"name":""}""", "name" },
        { "{id}", """{"description":"no name"}""", "name" },
        { "{id}", $$"""{"name":"{{new string('n', 201)}}"}""", "name" },
        { "{id}", """{"name":"x","detection":{"failureThreshold":0}}""", "detection.failureThreshold" },
        { "{id}", """{"name":"x","detection":{"failureThreshold":101}}""", "detection.failureThreshold" },
        { "{id}", """{"name":"x","detection":{"recoveryThreshold":0}}""", "detection.recoveryThreshold" },
        { "{id}", """{"name":"x","detection":{"recoveryThreshold":101}}""", "detection.recoveryThreshold" },
        { "Not_A_Slug", """{"name":"x"}""", "id" },
        { "-leading-dash", """{"name":"x"}""", "id" },
        { new string('a', 65), """{"name":"x"}""", "id" },
        { "{id}", """{"id":"some-other-id","name":"x"}""", "id" },
        { "{id}", """{"name":"x","dependsOn":["Not A Slug"]}""", "dependsOn[0]" },
        { "{id}", """{"name":"x","dependsOn":["{id}"]}""", "dependsOn[0]" },
    };

    [Theory]
    [InlineData("PUT", "/api/v1/services/{id}")]
    [InlineData("POST", "/api/v1/events")]
    public async Task MalformedJsonIsBadRequest(string method, string path)
    {
        using var response = await SendRawAsync(method, path.Replace("{id}", TestIds.Unique(), StringComparison.Ordinal), "{ \"name\": \"x\", oops");

        var problem = await Problem.AssertAsync(response, HttpStatusCode.BadRequest);
        Assert.Contains("not valid JSON", problem.Str("detail"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task UnknownFieldInServiceDefinitionIsRejectedByName()
    {
        var id = TestIds.Unique();

        using var response = await Api.Ops.PutAsync(CoordinatorClient.ServicePath(id), Json.Raw("""{"name":"Web","colour":"red"}"""));

        var problem = await Problem.AssertAsync(response, HttpStatusCode.BadRequest);
        Assert.Contains("'colour'", problem.Str("detail"), StringComparison.Ordinal);
        await AssertNoServiceAsync(id);
    }

    [Fact]
    public async Task UnknownFieldInEventIsRejectedByName()
    {
        var id = TestIds.Unique();
        await Api.CreateServiceAsync(id);

        using var response = await Api.Monitor.PostAsync("/api/v1/events", Json.Raw($$"""{"serviceId":"{{id}}","status":"down","severity":"high"}"""));

        var messages = await Problem.AssertValidationAsync(response, "severity");
        Assert.Contains(messages, m => m.Contains("'severity'", StringComparison.Ordinal));
        Assert.Equal("operational", (await Api.GetServiceAsync(id)).Str("status"));
    }

    [Fact]
    public async Task UnknownFieldInOneEventOfAnArrayIsKeyedByItsIndex()
    {
        var id = TestIds.Unique();
        await Api.CreateServiceAsync(id);

        using var response = await Api.Monitor.PostAsync(
            "/api/v1/events",
            Json.Raw($$"""[{"serviceId":"{{id}}","status":"down"},{"serviceId":"{{id}}","status":"up","colour":"red"}]"""));

        await Problem.AssertValidationAsync(response, "[1].colour");
        Assert.Equal("operational", (await Api.GetServiceAsync(id)).Str("status"));
    }

    [Fact]
    public async Task WrongTypeOfValueIsBadRequestNamingTheField()
    {
        using var response = await Api.Ops.PutAsync(CoordinatorClient.ServicePath(TestIds.Unique()), Json.Raw("""{"name":42}"""));

        var problem = await Problem.AssertAsync(response, HttpStatusCode.BadRequest);
        Assert.Contains("'name'", problem.Str("detail"), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("PUT", "/api/v1/services/{id}")]
    [InlineData("POST", "/api/v1/events")]
    public async Task BodyOverOneMebibyteIsPayloadTooLarge(string method, string path)
    {
        var id = TestIds.Unique();
        var body = new string(' ', OneMebibyte - 1) + "{}";

        using var response = await SendRawAsync(method, path.Replace("{id}", id, StringComparison.Ordinal), body);

        var problem = await Problem.AssertAsync(response, HttpStatusCode.RequestEntityTooLarge);
        Assert.Contains("1 MiB", problem.Str("detail"), StringComparison.Ordinal);
        using var get = await Api.Ops.GetAsync(CoordinatorClient.ServicePath(id));
        Assert.Equal(HttpStatusCode.NotFound, get.StatusCode);
    }

    [Fact]
    public async Task BodyOfExactlyOneMebibyteIsAccepted()
    {
        var id = TestIds.Unique();
        await Api.CreateServiceAsync(id);
        var json = $$"""{"serviceId":"{{id}}","status":"down"}""";
        var body = json + new string(' ', OneMebibyte - Encoding.UTF8.GetByteCount(json));

        using var response = await Api.Monitor.PostAsync("/api/v1/events", Json.Raw(body));

        Assert.Equal(OneMebibyte, response.RequestMessage!.Content!.Headers.ContentLength);
        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
    }

    [Theory]
    [MemberData(nameof(InvalidDefinitions))]
    public async Task InvalidServiceDefinitionIsRejectedWithErrorsMap(string pathId, string body, string errorKey)
    {
        var fresh = TestIds.Unique();
        var id = pathId.Replace("{id}", fresh, StringComparison.Ordinal);

        using var response = await Api.Ops.PutAsync(CoordinatorClient.ServicePath(id), Json.Raw(body.Replace("{id}", fresh, StringComparison.Ordinal)));

        await Problem.AssertValidationAsync(response, errorKey);
        await AssertNoServiceAsync(id);
    }

    [Fact]
    public async Task EveryValidationFailureIsReportedAtOnce()
    {
        using var response = await Api.Ops.PutAsync(
            CoordinatorClient.ServicePath("Bad_Id"),
            Json.Raw("""{"id":"other","name":"","detection":{"failureThreshold":0,"recoveryThreshold":101}}"""));

        var problem = await Problem.AssertAsync(response, HttpStatusCode.BadRequest);
        Assert.Equal(
            ["detection.failureThreshold", "detection.recoveryThreshold", "id", "name"],
            Problem.Errors(problem).Keys.Order(StringComparer.Ordinal));
        Assert.Equal(2, Problem.Errors(problem)["id"].Length);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(100)]
    public async Task ThresholdsAtTheLimitsAreAccepted(int threshold)
    {
        var service = await Api.CreateServiceAsync(
            TestIds.Unique(),
            new { name = "Edge", detection = new { failureThreshold = threshold, recoveryThreshold = threshold } });

        Assert.Equal(threshold, service.GetProperty("detection").GetProperty("failureThreshold").GetInt32());
        Assert.Equal(threshold, service.GetProperty("detection").GetProperty("recoveryThreshold").GetInt32());
    }

    [Fact]
    public async Task UnknownServiceIsNotFound()
    {
        var id = TestIds.Unique();

        using var response = await Api.Ops.GetAsync(CoordinatorClient.ServicePath(id));

        var problem = await Problem.AssertAsync(response, HttpStatusCode.NotFound);
        Assert.Contains(id, problem.Str("detail"), StringComparison.Ordinal);
        Assert.Equal(CoordinatorClient.ServicePath(id), problem.Str("instance"));
        Assert.False(string.IsNullOrEmpty(problem.Str("traceId")));
    }

    [Fact]
    public async Task UnknownIncidentIsNotFound()
    {
        using var response = await Api.Ops.GetAsync(CoordinatorClient.IncidentPath("no-such-incident-20200101T000000Z"));

        var problem = await Problem.AssertAsync(response, HttpStatusCode.NotFound);
        Assert.Contains("no-such-incident-20200101T000000Z", problem.Str("detail"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task DeleteOfUnknownServiceIsNotFound()
    {
        using var response = await Api.Ops.DeleteAsync(CoordinatorClient.ServicePath(TestIds.Unique()));

        await Problem.AssertAsync(response, HttpStatusCode.NotFound);
    }

    [Theory]
    [InlineData("/api/v1/no-such-thing")]
    [InlineData("/api/v2/services")]
    [InlineData("/")]
    public async Task UnmappedPathIsNotFoundProblem(string path)
    {
        using var response = await Api.Ops.GetAsync(path);

        await Problem.AssertAsync(response, HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task WrongMethodIsMethodNotAllowedProblem()
    {
        using var response = await Api.Ops.PostAsync(CoordinatorClient.ServicePath(TestIds.Unique()), Json.Raw("{}"));

        await Problem.AssertAsync(response, HttpStatusCode.MethodNotAllowed);
        Assert.Contains("PUT", response.Content.Headers.Allow);
    }

    [Fact]
    public async Task NonJsonContentTypeIsUnsupportedMediaType()
    {
        var id = TestIds.Unique();

        using var response = await Api.Ops.PutAsync(CoordinatorClient.ServicePath(id), new StringContent("""{"name":"x"}""", Encoding.UTF8, "text/plain"));

        await Problem.AssertAsync(response, HttpStatusCode.UnsupportedMediaType);
        await AssertNoServiceAsync(id);
    }

    [Fact]
    public async Task EmptyBodyIsBadRequest()
    {
        var id = TestIds.Unique();

        using var response = await SendRawAsync("PUT", CoordinatorClient.ServicePath(id), "");

        await Problem.AssertAsync(response, HttpStatusCode.BadRequest);
        await AssertNoServiceAsync(id);
    }

    // ASP.NET Core's own message here names a handler parameter and suggests dependency injection:
    // words for the developer, not for the API caller.
    [Theory]
    [InlineData("")]
    [InlineData("null")]
    public async Task MissingBodySaysAJsonObjectIsRequired(string body)
    {
        using var response = await SendRawAsync("PUT", CoordinatorClient.ServicePath(TestIds.Unique()), body);

        var detail = (await Problem.AssertAsync(response, HttpStatusCode.BadRequest)).Str("detail");
        Assert.Contains("body", detail, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("parameter", detail, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("Service instead", detail, StringComparison.Ordinal);
    }

    // Well-formed JSON of the wrong shape (an array or a string where an object belongs) is not a
    // syntax error, and calling it "not valid JSON" sends the caller looking for the wrong mistake.
    [Theory]
    [InlineData("[]")]
    [InlineData("\"Checkout\"")]
    public async Task WellFormedBodyOfTheWrongShapeIsNotCalledInvalidJson(string body)
    {
        var id = TestIds.Unique();

        using var response = await SendRawAsync("PUT", CoordinatorClient.ServicePath(id), body);

        var detail = (await Problem.AssertAsync(response, HttpStatusCode.BadRequest)).Str("detail");
        Assert.DoesNotContain("not valid JSON", detail, StringComparison.Ordinal);
        await AssertNoServiceAsync(id);
    }

    [Fact]
    public async Task DeleteOfServiceOthersDependOnIsConflict()
    {
        var database = TestIds.Unique("db");
        var api = TestIds.Unique("api");
        await Api.CreateServiceAsync(database);
        await Api.CreateServiceAsync(api, new { name = "API", dependsOn = new[] { database } });

        using var response = await Api.Ops.DeleteAsync(CoordinatorClient.ServicePath(database));

        var problem = await Problem.AssertAsync(response, HttpStatusCode.Conflict);
        Assert.Contains(api, problem.Str("detail"), StringComparison.Ordinal);
        await Api.GetServiceAsync(database);
    }

    [Fact]
    public async Task DeleteOfServiceWithOpenIncidentIsConflict()
    {
        var id = TestIds.Unique();
        await Api.CreateServiceAsync(id);
        await Api.RecordAsync(EventBody.Down(id, TestTime.Now));
        var incidentId = await Api.OpenIncidentIdAsync(id);

        using var response = await Api.Ops.DeleteAsync(CoordinatorClient.ServicePath(id));

        var problem = await Problem.AssertAsync(response, HttpStatusCode.Conflict);
        Assert.Contains(incidentId, problem.Str("detail"), StringComparison.Ordinal);
        Assert.Equal("major_outage", (await Api.GetServiceAsync(id)).Str("status"));
    }

    private async Task<HttpResponseMessage> SendRawAsync(string method, string path, string body)
    {
        using var request = new HttpRequestMessage(new HttpMethod(method), path) { Content = Json.Raw(body) };
        return await (method == "POST" ? Api.Monitor : Api.Ops).SendAsync(request);
    }

    private async Task AssertNoServiceAsync(string id)
    {
        using var response = await Api.Ops.GetAsync(CoordinatorClient.ServicePath(id));
        await Problem.AssertAsync(response, HttpStatusCode.NotFound);
    }
}
