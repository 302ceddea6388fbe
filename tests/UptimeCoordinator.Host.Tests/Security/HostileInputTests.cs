using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using UptimeCoordinator.Delivery.Tests.Support;
using UptimeCoordinator.Host.Tests.Http;
using UptimeCoordinator.Host.Tests.Infrastructure;

namespace UptimeCoordinator.Host.Tests.Security;

/// <summary>
/// Bad requests are refused with the right 4xx problem, say what was wrong, and change nothing that
/// the ops key can observe (DESIGN.md §6; issue 11 item 4). Each case compares a
/// <see cref="StateSnapshot"/> from before the request with one from after it.
/// </summary>
/// <remarks>
/// Not repeated here, because other tests prove them: malformed JSON, unknown fields, a body of
/// 1 MiB + 1 and of exactly 1 MiB (<see cref="ErrorTests"/>); a chunked body over the limit
/// (<see cref="ChunkedBodyLimitTests"/>); 1,001 events refused and 1,000 accepted, and the status
/// "sideways" (<see cref="EventIngestTests"/>); a webhook that redirects is not followed
/// (UptimeCoordinator.Delivery.Tests, WebhookDeliveryTests.WebhookRedirectIsNotFollowedAndFailsAtOnce:
/// the notice client never follows redirects, so a public target cannot bounce a notice to a private one).
/// </remarks>
public sealed class HostileInputTests(HostileInputFixture fixture) : IClassFixture<HostileInputFixture>
{
    private const int TenMegabytes = 10 * 1000 * 1000;
    private const int MillionChars = 1_000_000;
    private const int DeepNesting = 10_000;

    private CoordinatorClient Api => fixture.Api;

    // Endpoints that take JSON, each with a body it accepts, for the cases that spoil any body alike.
    public static TheoryData<string, string, string> JsonEndpoints => new()
    {
        { "POST", "/api/v1/events", """{"serviceId":"shop","status":"down","message":"timeout"}""" },
        { "PUT", "/api/v1/services/newcomer", """{"name":"Newcomer","dependsOn":["db"]}""" },
        { "PUT", "/api/v1/clients/acme", """{"name":"Acme","timeZone":"UTC","subscriptions":[{"serviceId":"shop"}],"contacts":[{"id":"ops","name":"Ops","email":"ops@acme.example"}]}""" },
        { "POST", "/api/v1/incidents", """{"title":"Checkout slow","serviceIds":["shop"],"by":"eve"}""" },
        { "POST", "/api/v1/incidents/{incident}/updates", """{"by":"eve","message":"Still looking","stage":"identified"}""" },
        { "POST", "/api/v1/maintenance", """{"serviceIds":["spare"],"start":"2099-01-01T00:00:00Z","end":"2099-01-01T01:00:00Z","title":"Upgrade"}""" },
        { "POST", "/api/v1/maintenance/suggestions", """{"serviceIds":["spare"],"duration":"PT1H"}""" },
        { "POST", "/api/v1/integrations/alertmanager", """{"version":"4","status":"firing","alerts":[{"status":"firing","labels":{"service":"shop"}}]}""" },
        { "POST", "/api/v1/integrations/pagerduty", """{"event_action":"trigger","payload":{"summary":"s","source":"shop","severity":"critical"}}""" },
    };

    public static TheoryData<string> OversizeEndpoints => new()
    {
        "POST /api/v1/events",
        "PUT /api/v1/services/newcomer",
        "PUT /api/v1/clients/acme",
        "POST /api/v1/maintenance",
        "POST /api/v1/integrations/alertmanager",
        "POST /api/v1/integrations/grafana",
    };

    /// <summary>A field of a million characters: the body stays under 1 MiB, so the field's own limit must refuse it.</summary>
    public static TheoryData<string, string, string, string> MillionCharacterFields => new()
    {
        { "PUT", "/api/v1/services/newcomer", """{"name":"{huge}"}""", "name" },
        { "POST", "/api/v1/events", """{"serviceId":"shop","status":"down","message":"{huge}"}""", "message" },
        { "PUT", "/api/v1/clients/acme", """{"name":"{huge}","timeZone":"UTC","subscriptions":[],"contacts":[]}""", "name" },
        { "POST", "/api/v1/incidents/{incident}/updates", """{"by":"eve","message":"{huge}"}""", "message" },
        { "POST", "/api/v1/maintenance", """{"serviceIds":["spare"],"start":"2099-01-01T00:00:00Z","end":"2099-01-01T01:00:00Z","title":"t","description":"{huge}"}""", "description" },
    };

    /// <summary>Arrays one past their limit: path, body with <c>{items}</c> for the array, one item, the error key.</summary>
    public static TheoryData<string, string, string, int, string> HugeArrays => new()
    {
        { "/api/v1/clients/acme", """{"name":"Acme","timeZone":"UTC","subscriptions":[{items}],"contacts":[]}""", """{"serviceId":"s{i}"}""", 501, "subscriptions" },
        { "/api/v1/clients/acme", """{"name":"Acme","timeZone":"UTC","subscriptions":[],"contacts":[{items}]}""", """{"id":"c{i}","name":"C","email":"c{i}@acme.example"}""", 101, "contacts" },
        { "/api/v1/services/newcomer", """{"name":"Newcomer","dependsOn":[{items}]}""", "\"s{i}\"", 101, "dependsOn" },
        { "/api/v1/incidents", """{"title":"t","by":"eve","serviceIds":[{items}]}""", "\"s{i}\"", 51, "serviceIds" },
        { "/api/v1/incidents/{incident}/resolve", """{"by":"eve","summary":"s","actionsTaken":[{items}]}""", "\"step {i}\"", 51, "actionsTaken" },
        { "/api/v1/maintenance", """{"serviceIds":["spare"],"start":"2099-01-01T00:00:00Z","end":"2099-01-01T01:00:00Z","title":"t","noticeLeadTimes":[{items}]}""", "\"PT{i}H\"", 11, "noticeLeadTimes" },
    };

    public static TheoryData<string, string, string> InvalidUtf8Bodies => new()
    {
        // {0xFF 0xFE} can start no UTF-8 sequence; C3 28 is a lead byte without its continuation; C0 AF is an overlong '/'.
        { "/api/v1/services/newcomer", "{\"name\":\"\u00FF\u00FE bad\"}", "'name'" },
        { "/api/v1/events", "{\"serviceId\":\"shop\",\"status\":\"down\",\"message\":\"\u00C3\u0028\"}", "message" },
        { "/api/v1/events", "{\"serviceId\":\"sh\u00C0\u00AFop\",\"status\":\"down\"}", "serviceId" },
        { "/api/v1/clients/acme", "{\"name\":\"Ac\u00FFme\",\"timeZone\":\"UTC\",\"subscriptions\":[],\"contacts\":[]}", "'name'" },
        { "/api/v1/incidents/{incident}/updates", "{\"by\":\"eve\",\"message\":\"\u00ED\u00A0\u0080\"}", "'message'" },
    };

    /// <summary>Numbers out of range or not numbers at all: method, path, body, what the problem must name.</summary>
    public static TheoryData<string, string, string, string> BadNumbers => new()
    {
        { "PUT", "/api/v1/clients/acme", """{"name":"A","timeZone":"UTC","subscriptions":[{"serviceId":"shop","impact":1e309}],"contacts":[]}""", "subscriptions[0].impact" },
        { "PUT", "/api/v1/clients/acme", """{"name":"A","timeZone":"UTC","subscriptions":[{"serviceId":"shop","impact":-1}],"contacts":[]}""", "subscriptions[0].impact" },
        { "PUT", "/api/v1/clients/acme", """{"name":"A","timeZone":"UTC","subscriptions":[{"serviceId":"shop","impact":1.0000001}],"contacts":[]}""", "subscriptions[0].impact" },
        // NaN and Infinity are not JSON tokens at all, and as strings they are not numbers.
        { "PUT", "/api/v1/clients/acme", """{"name":"A","timeZone":"UTC","subscriptions":[{"serviceId":"shop","impact":NaN}],"contacts":[]}""", "not valid JSON" },
        { "PUT", "/api/v1/clients/acme", """{"name":"A","timeZone":"UTC","subscriptions":[{"serviceId":"shop","impact":-Infinity}],"contacts":[]}""", "not valid JSON" },
        { "PUT", "/api/v1/clients/acme", """{"name":"A","timeZone":"UTC","subscriptions":[{"serviceId":"shop","impact":"NaN"}],"contacts":[]}""", "'subscriptions[0].impact'" },
        { "PUT", "/api/v1/clients/acme", """{"name":"A","timeZone":"UTC","subscriptions":[{"serviceId":"shop","impact":"Infinity"}],"contacts":[]}""", "'subscriptions[0].impact'" },
        { "PUT", "/api/v1/clients/acme", """{"name":"A","timeZone":"UTC","subscriptions":[],"contacts":[],"costProfile":{"currency":"EUR","costPerHour":-5}}""", "costProfile.costPerHour" },
        { "PUT", "/api/v1/clients/acme", """{"name":"A","timeZone":"UTC","subscriptions":[],"contacts":[],"costProfile":{"currency":"EUR","costPerHour":99999999999999}}""", "costProfile.costPerHour" },
        { "PUT", "/api/v1/clients/acme", """{"name":"A","timeZone":"UTC","subscriptions":[],"contacts":[],"costProfile":{"currency":"EUR","costPerHour":1e30}}""", "'costProfile.costPerHour'" },
        { "PUT", "/api/v1/clients/acme", """{"name":"A","timeZone":"UTC","subscriptions":[],"contacts":[],"costProfile":{"currency":"EUR","costPerHour":5,"severityFactors":{"majorOutage":1e309}}}""", "costProfile.severityFactors.majorOutage" },
        { "PUT", "/api/v1/clients/acme", """{"name":"A","timeZone":"UTC","subscriptions":[],"contacts":[],"sla":{"targetPercent":100.5,"monthlyFee":{"amount":1e28,"currency":"EUR"}}}""", "sla.monthlyFee" },
        { "PUT", "/api/v1/services/newcomer", """{"name":"N","detection":{"failureThreshold":10000000000}}""", "'detection.failureThreshold'" },
        { "PUT", "/api/v1/services/newcomer", """{"name":"N","detection":{"failureThreshold":2.5}}""", "'detection.failureThreshold'" },
        { "POST", "/api/v1/incidents/{incident}/resolve", """{"by":"eve","summary":"s","timeSpentMinutes":99999999999}""", "'timeSpentMinutes'" },
        { "POST", "/api/v1/incidents/{incident}/resolve", """{"by":"eve","summary":"s","timeSpentMinutes":100001}""", "timeSpentMinutes" },
        { "POST", "/api/v1/incidents/{incident}/resolve", """{"by":"eve","summary":"s","timeSpentMinutes":-1}""", "timeSpentMinutes" },
        { "POST", "/api/v1/incidents/{incident}/resolve", """{"by":"eve","summary":"s","timeSpentMinutes":"60"}""", "'timeSpentMinutes'" },
        { "POST", "/api/v1/incidents/{incident}/feedback", """{"clientId":"acme","fixedConfirmed":true,"rating":6}""", "rating" },
        { "POST", "/api/v1/maintenance/suggestions", """{"serviceIds":["spare"],"duration":"PT1H","count":1000000}""", "count" },
        { "POST", "/api/v1/maintenance/suggestions", """{"serviceIds":["spare"],"duration":"PT1H","exchangeRates":{"EUR":-1}}""", "exchangeRates.EUR" },
    };

    public static TheoryData<string, string> BadPageLimits
    {
        get
        {
            var data = new TheoryData<string, string>();
            foreach (var path in new[] { "/api/v1/services", "/api/v1/clients", "/api/v1/incidents?state=all", "/api/v1/maintenance", "/api/v1/clients/acme/notices" })
            {
                foreach (var limit in new[] { "0", "-1", "100000", "2147483648", "1.5", "ten" })
                {
                    data.Add(path, limit);
                }
            }

            return data;
        }
    }

    /// <summary>Times far in the past or the future: method, path, body, what the problem must name.</summary>
    public static TheoryData<string, string, string, string> FarOffTimes => new()
    {
        { "POST", "/api/v1/events", """{"serviceId":"shop","status":"up","observedAt":"0001-01-01T00:00:00Z"}""", "observedAt" },
        { "POST", "/api/v1/events", """{"serviceId":"shop","status":"up","observedAt":"1900-01-01T00:00:00Z"}""", "observedAt" },
        { "POST", "/api/v1/events", """{"serviceId":"shop","status":"down","observedAt":"9999-12-31T23:59:59Z"}""", "observedAt" },
        { "POST", "/api/v1/events", """{"serviceId":"shop","status":"down","observedAt":"9999-12-31T23:59:59-14:00"}""", "observedAt" },
        { "POST", "/api/v1/events", """{"serviceId":"shop","status":"down","observedAt":"10000-01-01T00:00:00Z"}""", "observedAt" },
        { "POST", "/api/v1/maintenance", """{"serviceIds":["spare"],"start":"0001-01-01T00:00:00Z","end":"0001-01-01T01:00:00Z","title":"t"}""", "start" },
        { "POST", "/api/v1/maintenance", """{"serviceIds":["spare"],"start":"{+100y}","end":"{+100y+1h}","title":"t"}""", "start" },
        { "POST", "/api/v1/maintenance", """{"serviceIds":["spare"],"start":"9999-12-31T22:00:00Z","end":"9999-12-31T23:00:00Z","title":"t"}""", "start" },
        { "POST", "/api/v1/maintenance/{window}/reschedule", """{"start":"{+100y}","end":"{+100y+1h}"}""", "start" },
        { "POST", "/api/v1/incidents/{incident}/acknowledge", """{"by":"eve","eta":"9999-12-31T23:59:59Z"}""", "eta" },
        { "POST", "/api/v1/incidents/{incident}/acknowledge", """{"by":"eve","eta":"0001-01-01T00:00:00Z"}""", "eta" },
        { "POST", "/api/v1/maintenance/suggestions", """{"serviceIds":["spare"],"duration":"PT1H","earliest":"0001-01-01T00:00:00Z","latest":"9999-12-31T00:00:00Z"}""", "latest" },
        { "GET", "/api/v1/clients/acme/cost?from=0001-01-01T00:00:00Z", "", "from" },
        { "GET", "/api/v1/clients/acme/cost?to=0001-01-01T00:00:00Z", "", "to" },
        { "GET", "/api/v1/clients/acme/cost?to=9999-12-31T23:59:59Z", "", "to" },
        { "GET", "/api/v1/clients/acme/cost?from=yesterday", "", "from" },
        { "GET", "/api/v1/clients/acme/sla?month=0000-13", "", "month" },
        { "GET", "/api/v1/clients/acme/sla?month=2026-13", "", "month" },
        { "GET", "/api/v1/clients/acme/sla?month=9999-12", "", "month" },
        { "GET", "/api/v1/clients/acme/sla?month=10000-01", "", "month" },
        { "GET", "/api/v1/clients/acme/uptime?days=100000", "", "days" },
    };

    /// <summary>Values outside an enumeration: method, path, body, what the problem must name.</summary>
    public static TheoryData<string, string, string, string> UnknownEnumValues => new()
    {
        // A status by its number in our enum is not one of the words the contract lists.
        { "POST", "/api/v1/events", """{"serviceId":"shop","status":2}""", "status" },
        { "POST", "/api/v1/events", """{"serviceId":"shop","status":99}""", "status" },
        { "POST", "/api/v1/events", """{"serviceId":"shop","status":"DOWN"}""", "status" },
        { "POST", "/api/v1/events", """{"serviceId":"shop","status":""}""", "status" },
        { "POST", "/api/v1/incidents/{incident}/updates", """{"by":"eve","message":"m","stage":"bogus"}""", "stage" },
        { "POST", "/api/v1/incidents/{incident}/updates", """{"by":"eve","message":"m","stage":"resolved"}""", "stage" },
        { "POST", "/api/v1/incidents", """{"title":"t","serviceIds":["shop"],"by":"eve","severity":"bogus"}""", "severity" },
        { "PUT", "/api/v1/clients/acme", """{"name":"A","timeZone":"UTC","subscriptions":[],"contacts":[{"id":"c","name":"C","email":"c@acme.example","stages":["incident.bogus"]}]}""", "contacts[0].stages[0]" },
        { "PUT", "/api/v1/clients/acme", """{"name":"A","timeZone":"UTC","subscriptions":[],"contacts":[{"id":"c","name":"C","sms":"+4930123456"}]}""", "'sms'" },
        { "PUT", "/api/v1/clients/acme", """{"name":"A","timeZone":"UTC","subscriptions":[],"contacts":[{"id":"c","name":"C"}]}""", "contacts[0]" },
        { "PUT", "/api/v1/clients/acme", """{"name":"A","timeZone":"Mars/Olympus_Mons","subscriptions":[],"contacts":[]}""", "timeZone" },
        { "GET", "/api/v1/incidents?state=bogus", "", "state" },
        { "GET", "/api/v1/maintenance?state=bogus", "", "state" },
        { "GET", "/api/v1/clients/acme/sla?format=xml", "", "format" },
    };

    /// <summary>Ids that try to leave their path segment, hide in it, or only look like a valid id.</summary>
    public static TheoryData<string> TrickIds => new()
    {
        "..%2F..%2Fclients",
        "..%2F..%2Fservices%2Fshop",
        "%2E%2E",
        ".",
        "a%0d%0aSet-Cookie:%20x=1",
        new string('a', 300),
        "%D1%95hop", // a Cyrillic "ѕ" before "hop"
        "%EF%BD%93hop", // a fullwidth "ｓ"
        "shop%E2%80%8B", // with a zero-width space
        "SHOP",
        "shop%20",
        "%20shop",
    };

    /// <summary>Header injection into the fields that can reach an email's headers: path, body, what the problem must name.</summary>
    public static TheoryData<string, string, string> HeaderInjections => new()
    {
        { "/api/v1/clients/acme", """{"name":"Acme","timeZone":"UTC","subscriptions":[],"contacts":[{"id":"eve","name":"Eve\r\nBcc: victim@example.com","email":"eve@acme.example"}]}""", "contacts[0].name" },
        { "/api/v1/clients/acme", """{"name":"Acme","timeZone":"UTC","subscriptions":[],"contacts":[{"id":"eve","name":"Eve","email":"eve@acme.example\r\nBcc: victim@example.com"}]}""", "contacts[0].email" },
        { "/api/v1/clients/acme", """{"name":"Acme","timeZone":"UTC","subscriptions":[],"contacts":[{"id":"eve","name":"Eve","email":"Eve <eve@acme.example>, victim@example.com"}]}""", "contacts[0].email" },
        { "/api/v1/clients/acme", """{"name":"Acme\nBcc: victim@example.com","timeZone":"UTC","subscriptions":[],"contacts":[]}""", "name" },
        { "/api/v1/incidents", """{"title":"Down\r\nBcc: victim@example.com","serviceIds":["shop"],"by":"eve"}""", "title" },
        { "/api/v1/incidents/{incident}/acknowledge", """{"by":"Eve\r\nBcc: victim@example.com"}""", "by" },
        { "/api/v1/services/spare", """{"name":"Spare\r\nBcc: victim@example.com"}""", "name" },
        { "/api/v1/services/spare", """{"name":"Spare","group":"Core\nBcc: victim@example.com"}""", "group" },
        { "/api/v1/maintenance", """{"serviceIds":["spare"],"start":"2099-01-01T00:00:00Z","end":"2099-01-01T01:00:00Z","title":"Upgrade\r\nBcc: victim@example.com"}""", "title" },
    };

    /// <summary>Webhook targets that would let a client make us call into our own network.</summary>
    public static TheoryData<string, string> PrivateWebhookTargets => new()
    {
        { "webhookUrl", "http://127.0.0.1:9/hook" },
        { "webhookUrl", "http://10.0.0.1/" },
        { "webhookUrl", "http://[::1]/" },
        { "webhookUrl", "http://169.254.169.254/latest/meta-data/" },
        { "webhookUrl", "http://localhost/" },
        { "webhookUrl", "http://LOCALHOST./" },
        { "webhookUrl", "http://metrics.localhost/" },
        { "webhookUrl", "http://0.0.0.0/" },
        { "webhookUrl", "http://[::ffff:127.0.0.1]/" },
        { "webhookUrl", "http://[fd00::1]/" },
        { "webhookUrl", "http://100.64.0.1/" },
        { "webhookUrl", "http://2130706433/" }, // 127.0.0.1 as one decimal number
        { "webhookUrl", "http://0x7f.1/" }, // 127.0.0.1 in hex and short form
        { "slackWebhookUrl", "http://192.168.1.10/services/T000/B000/XXXX" },
    };

    // Without this, "unchanged" could hold because the snapshot sees nothing.
    [Theory]
    [InlineData("PUT", "/api/v1/services/spare", """{"name":"Spare","description":"changed by the snapshot test"}""")]
    [InlineData("POST", "/api/v1/incidents/{incident}/updates", """{"by":"eve","message":"Seen by the snapshot"}""")]
    [InlineData("POST", "/api/v1/events", """{"serviceId":"spare","status":"up","check":"snapshot"}""")]
    public async Task AcceptedChangeShowsInTheSnapshot(string method, string path, string body)
    {
        var before = await StateSnapshot.TakeAsync(Api.Ops);
        using var request = new HttpRequestMessage(new HttpMethod(method), Fill(path)) { Content = Json.Raw(body) };

        using var response = await Api.Ops.SendAsync(request);

        Assert.True(response.IsSuccessStatusCode, $"{(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        Assert.NotEqual(before, await StateSnapshot.TakeAsync(Api.Ops));
    }

    [Theory]
    [MemberData(nameof(JsonEndpoints))]
    public async Task DeeplyNestedBodyIsBadRequest(string method, string path, string valid)
    {
        _ = valid;
        var body = new string('[', DeepNesting) + new string(']', DeepNesting);

        await RefusedAsync(method, path, Json.Raw(body), HttpStatusCode.BadRequest, "JSON");
    }

    [Theory]
    [InlineData("/api/v1/events", """{"serviceId":"shop","status":"down","message":{nested}}""", "JSON")]
    [InlineData("/api/v1/incidents", """{"title":"t","serviceIds":["shop"],"by":"eve","message":{nested}}""", "JSON")]
    [InlineData("/api/v1/integrations/alertmanager", """{"version":"4","status":"firing","alerts":[{"status":"firing","labels":{nested}}]}""", "alerts[0].labels")]
    public async Task DeeplyNestedFieldIsBadRequest(string path, string body, string mention)
    {
        var nested = string.Concat(Enumerable.Repeat("""{"a":""", DeepNesting)) + "1" + new string('}', DeepNesting);

        await RefusedAsync("POST", path, Json.Raw(body.Replace("{nested}", nested, StringComparison.Ordinal)), HttpStatusCode.BadRequest, mention);
    }

    [Theory]
    [MemberData(nameof(JsonEndpoints))]
    public async Task TruncatedBodyIsBadRequest(string method, string path, string valid)
    {
        var bytes = Encoding.UTF8.GetBytes(Fill(valid));

        await RefusedAsync(method, path, Bytes(bytes[..(bytes.Length / 2)]), HttpStatusCode.BadRequest, "not valid JSON");
    }

    [Theory]
    [MemberData(nameof(OversizeEndpoints))]
    public async Task TenMegabyteBodyIsPayloadTooLarge(string endpoint)
    {
        var (method, path) = (endpoint.Split(' ')[0], endpoint.Split(' ')[1]);
        var body = """{"name":""" + "\"" + new string('x', TenMegabytes) + "\"}";

        await RefusedAsync(method, path, Json.Raw(body), HttpStatusCode.RequestEntityTooLarge, "1 MiB");
    }

    [Theory]
    [MemberData(nameof(MillionCharacterFields))]
    public async Task MillionCharacterFieldIsRefusedByName(string method, string path, string body, string field)
    {
        var content = Json.Raw(Fill(body).Replace("{huge}", new string('x', MillionChars), StringComparison.Ordinal));

        Assert.True(content.Headers.ContentLength < 1024 * 1024, "the body must stay under the 1 MiB limit");
        await RefusedAsync(method, path, content, HttpStatusCode.BadRequest, field);
    }

    [Theory]
    [MemberData(nameof(HugeArrays))]
    public async Task ArrayOnePastItsLimitIsRefusedByName(string path, string body, string item, int count, string field)
    {
        var items = string.Join(",", Enumerable.Range(0, count).Select(i => item.Replace("{i}", i.ToString(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal)));
        var method = path.StartsWith("/api/v1/services/", StringComparison.Ordinal) || path.StartsWith("/api/v1/clients/", StringComparison.Ordinal) ? "PUT" : "POST";

        await RefusedAsync(method, path, Json.Raw(Fill(body).Replace("{items}", items, StringComparison.Ordinal)), HttpStatusCode.BadRequest, field);
    }

    [Theory]
    [MemberData(nameof(InvalidUtf8Bodies))]
    public async Task InvalidUtf8IsBadRequestNamingTheField(string path, string latin1, string field)
    {
        // Each char of the test data stands for one byte, so the body holds exactly the broken sequences.
        var content = Bytes(Encoding.Latin1.GetBytes(Fill(latin1)));
        var method = path.StartsWith("/api/v1/services/", StringComparison.Ordinal) || path.StartsWith("/api/v1/clients/", StringComparison.Ordinal) ? "PUT" : "POST";

        await RefusedAsync(method, path, content, HttpStatusCode.BadRequest, field);
    }

    [Theory]
    [InlineData("""{"name":"\ud800"}""")]
    [InlineData("""{"name":"x\udfffy"}""")]
    [InlineData("""{"name":"\udbff\u0041"}""")]
    public async Task LoneSurrogateEscapeIsBadRequest(string body)
    {
        await RefusedAsync("PUT", "/api/v1/services/newcomer", Json.Raw(body), HttpStatusCode.BadRequest, "'name'");
    }

    [Theory]
    [MemberData(nameof(BadNumbers))]
    public async Task NumberOutOfRangeIsBadRequestNamingTheField(string method, string path, string body, string field)
    {
        await RefusedAsync(method, path, Json.Raw(Fill(body)), HttpStatusCode.BadRequest, field);
    }

    [Theory]
    [MemberData(nameof(BadPageLimits))]
    public async Task PageLimitOutOfRangeIsBadRequest(string path, string limit)
    {
        var separator = path.Contains('?', StringComparison.Ordinal) ? '&' : '?';

        var said = await RefusedAsync("GET", $"{path}{separator}limit={limit}", null, HttpStatusCode.BadRequest, "limit");

        Assert.Contains("1 to 200", said, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(FarOffTimes))]
    public async Task TimeFarInThePastOrFutureIsBadRequestNamingTheField(string method, string path, string body, string field)
    {
        await RefusedAsync(method, path, body.Length == 0 ? null : Json.Raw(Fill(body)), HttpStatusCode.BadRequest, field);
    }

    // The positive control for the far-off maintenance windows: planning a quarter ahead is ordinary.
    [Fact]
    public async Task MaintenanceAQuarterAheadIsScheduled()
    {
        var start = DateTimeOffset.UtcNow.AddDays(90);

        using var response = await Api.Ops.PostAsync("/api/v1/maintenance", Json.Content(new
        {
            serviceIds = new[] { HostileInputFixture.Spare },
            start,
            end = start.AddHours(2),
            title = "Quarterly failover drill",
        }));

        Assert.True(response.StatusCode == HttpStatusCode.Created, $"{(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        var window = await response.ReadJsonAsync();
        using var cancel = await Api.Ops.PostAsync($"/api/v1/maintenance/{window.Str("id")}/cancel", Json.Content(new { by = "test" }));
        Assert.Equal(HttpStatusCode.OK, cancel.StatusCode);
    }

    [Theory]
    [MemberData(nameof(UnknownEnumValues))]
    public async Task UnknownEnumValueIsBadRequestNamingTheField(string method, string path, string body, string field)
    {
        await RefusedAsync(method, path, body.Length == 0 ? null : Json.Raw(Fill(body)), HttpStatusCode.BadRequest, field);
    }

    [Theory]
    [MemberData(nameof(TrickIds))]
    public async Task TrickIdInPutServiceIsRefused(string id)
    {
        await TrickIdIsRefusedAsync($"/api/v1/services/{id}", """{"name":"Trick"}""");
    }

    [Theory]
    [MemberData(nameof(TrickIds))]
    public async Task TrickIdInPutClientIsRefused(string id)
    {
        await TrickIdIsRefusedAsync($"/api/v1/clients/{id}", """{"name":"Trick","timeZone":"UTC","subscriptions":[],"contacts":[]}""");
    }

    // A NUL never reaches the application: the test server refuses to build such a request, and Kestrel
    // answers 400 itself (without a problem body, which is Kestrel's to write) before any middleware runs.
    [Theory]
    [InlineData("/api/v1/services/%00")]
    [InlineData("/api/v1/clients/shop%00")]
    public async Task NulInThePathIsRefusedByTheServer(string path)
    {
        await using var app = new CoordinatorApp(settings: HostileInputFixture.Settings);
        app.UseKestrel(0);
        using var api = new CoordinatorClient(app);
        await api.WaitUntilReadyAsync();
        var before = await StateSnapshot.TakeAsync(api.Ops);

        using var response = await api.Ops.PutAsync(new Uri(path, UriKind.Relative), Json.Raw("""{"name":"Nul"}"""));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        StateSnapshot.AssertUnchanged(before, await StateSnapshot.TakeAsync(api.Ops), $"PUT {path}");
    }

    [Theory]
    [MemberData(nameof(TrickIds))]
    public async Task TrickIdInIncidentCommandIsNotFound(string id)
    {
        var before = await StateSnapshot.TakeAsync(Api.Ops);

        using var response = await Api.Ops.PostAsync(new Uri($"/api/v1/incidents/{id}/updates", UriKind.Relative), Json.Raw("""{"by":"eve","message":"m"}"""));

        Assert.Contains((int)response.StatusCode, new[] { 404, 405 });
        await Problem.AssertAsync(response, response.StatusCode);
        StateSnapshot.AssertUnchanged(before, await StateSnapshot.TakeAsync(Api.Ops), $"POST incidents/{id}/updates");
    }

    [Theory]
    [MemberData(nameof(HeaderInjections))]
    public async Task LineBreakInAFieldThatReachesMailHeadersIsRefused(string path, string body, string field)
    {
        var method = path.StartsWith("/api/v1/clients/", StringComparison.Ordinal) || path.StartsWith("/api/v1/services/", StringComparison.Ordinal) ? "PUT" : "POST";

        await RefusedAsync(method, path, Json.Raw(Fill(body)), HttpStatusCode.BadRequest, field);
    }

    // An incident message may hold line breaks (it keeps its paragraphs) and reaches the email of a
    // notice; it must not add a header. Names, which reach the subject, are refused above.
    [Fact]
    public async Task LineBreaksInAnUpdateAddNoMailHeader()
    {
        await using var smtp = new SmtpTestServer();
        await using var app = new CoordinatorApp(settings: new Dictionary<string, string>(HostileInputFixture.Settings)
        {
            ["Notifications:Smtp:Host"] = "127.0.0.1",
            ["Notifications:Smtp:Port"] = smtp.Port.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Notifications:Smtp:UseTls"] = "false",
            ["Notifications:Smtp:From"] = "Uptime Coordinator <status@uptime.example>",
        });
        using var api = new CoordinatorClient(app);
        await api.WaitUntilReadyAsync();
        const string injection = "\r\nBcc: victim@example.com\r\nX-Injected: yes";
        await api.CreateServiceAsync("evil", new { name = "Evil" });
        using var client = await api.Ops.PutAsync("/api/v1/clients/acme", Json.Content(new
        {
            name = "Acme",
            timeZone = "UTC",
            subscriptions = new[] { new { serviceId = "evil" } },
            contacts = new[] { new { id = "eve", name = "Eve", email = "eve@acme.example" } },
        }));
        Assert.Equal(HttpStatusCode.Created, client.StatusCode);

        await api.RecordAsync(EventBody.Down("evil", DateTimeOffset.UtcNow));
        var incidentId = await api.OpenIncidentIdAsync("evil");
        using var update = await api.Ops.PostAsync(
            CoordinatorClient.IncidentPath(incidentId) + "/updates",
            Json.Content(new { by = "eve", message = "Found it." + injection }));
        Assert.Equal(HttpStatusCode.OK, update.StatusCode);
        await Eventually.HoldsAsync(() => smtp.Messages.Count >= 2, "the detected and the update email");

        foreach (var message in smtp.Messages)
        {
            Assert.Equal(["eve@acme.example"], message.To.Mailboxes.Select(m => m.Address));
            Assert.Empty(message.Cc);
            Assert.Empty(message.Bcc);
            Assert.DoesNotContain(message.Headers, h => h.Field is "Bcc" or "X-Injected");
            Assert.DoesNotContain('\r', message.Subject ?? "");
            Assert.DoesNotContain('\n', message.Subject ?? "");
        }

        // The message did reach the mail: the defence was tested, not bypassed.
        Assert.Contains(smtp.Messages, m => (m.TextBody ?? "").Contains("Bcc: victim@example.com", StringComparison.Ordinal));
    }

    [Theory]
    [MemberData(nameof(PrivateWebhookTargets))]
    public async Task PrivateWebhookTargetIsRefused(string field, string url)
    {
        var client = HostileInputFixture.ValidClient();
        client["contacts"] = new[] { new Dictionary<string, string> { ["id"] = "bot", ["name"] = "Bot", [field] = url } };

        var said = await RefusedAsync("PUT", $"/api/v1/clients/{HostileInputFixture.ClientId}", Json.Content(client), HttpStatusCode.BadRequest, $"contacts[0].{field}");

        Assert.Contains("Notifications:Webhooks:AllowPrivateNetworks", said, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("file:///etc/passwd", "absolute http or https")]
    [InlineData("gopher://example.com:70/", "absolute http or https")]
    [InlineData("http://admin:secret@example.com/hook", "user name or password")]
    [InlineData("/relative/hook", "absolute http or https")]
    public async Task WebhookTargetThatIsNotAPlainHttpUrlIsRefused(string url, string reason)
    {
        var client = HostileInputFixture.ValidClient();
        client["contacts"] = new[] { new { id = "bot", name = "Bot", webhookUrl = url } };

        var said = await RefusedAsync("PUT", $"/api/v1/clients/{HostileInputFixture.ClientId}", Json.Content(client), HttpStatusCode.BadRequest, "contacts[0].webhookUrl");

        Assert.Contains(reason, said, StringComparison.Ordinal);
    }

    private async Task TrickIdIsRefusedAsync(string path, string body)
    {
        var before = await StateSnapshot.TakeAsync(Api.Ops);

        using var response = await Api.Ops.PutAsync(new Uri(path, UriKind.Relative), Json.Raw(body));

        // 400 when the id reaches the endpoint; 404 or 405 when the path no longer names one (".." and "." are resolved away).
        Assert.True((int)response.StatusCode is 400 or 404 or 405, $"PUT {path}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        var problem = await Problem.AssertAsync(response, response.StatusCode);
        if (response.StatusCode == HttpStatusCode.BadRequest)
        {
            Assert.Contains("id", Problem.Errors(problem).Keys);
        }

        Assert.False(response.Headers.Contains("Set-Cookie"), "a path segment must never become a response header");
        Assert.Null(response.Headers.Location);
        StateSnapshot.AssertUnchanged(before, await StateSnapshot.TakeAsync(Api.Ops), $"PUT {path}");
    }

    /// <summary>
    /// Sends the request as ops, asserts the problem and that its detail or errors mention
    /// <paramref name="mention"/>, and that the state is what it was; returns all the problem says.
    /// </summary>
    private async Task<string> RefusedAsync(string method, string path, HttpContent? content, HttpStatusCode status, string mention)
    {
        var before = await StateSnapshot.TakeAsync(Api.Ops);
        using var request = new HttpRequestMessage(new HttpMethod(method), Fill(path)) { Content = content };

        using var response = await Api.Ops.SendAsync(request);

        var problem = await Problem.AssertAsync(response, status);
        var said = Said(problem);
        Assert.True(said.Contains(mention, StringComparison.Ordinal), $"the problem does not mention {mention}: {problem}");
        StateSnapshot.AssertUnchanged(before, await StateSnapshot.TakeAsync(Api.Ops), $"{method} {path}");
        return said;
    }

    private static string Said(JsonElement problem) =>
        string.Join(
            "\n",
            Problem.Errors(problem).SelectMany(e => e.Value.Prepend(e.Key))
                .Prepend(problem.TryGetProperty("detail", out var detail) ? detail.GetString() ?? "" : ""));

    private string Fill(string text)
    {
        var start = DateTimeOffset.UtcNow.AddYears(100);
        return text
            .Replace("{incident}", fixture.IncidentId, StringComparison.Ordinal)
            .Replace("{window}", fixture.MaintenanceId, StringComparison.Ordinal)
            .Replace("{+100y}", start.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal)
            .Replace("{+100y+1h}", start.AddHours(1).UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal);
    }

    private static ByteArrayContent Bytes(byte[] body)
    {
        var content = new ByteArrayContent(body);
        content.Headers.ContentType = MediaTypeHeaderValue.Parse("application/json; charset=utf-8");
        return content;
    }
}
