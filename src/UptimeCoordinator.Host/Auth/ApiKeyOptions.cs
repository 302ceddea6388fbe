namespace UptimeCoordinator.Host.Auth;

/// <summary>Configuration section <c>Auth</c>: <c>Auth:ApiKeys:&lt;key&gt; = ops | monitor | client:&lt;clientId&gt;</c>.</summary>
public sealed class ApiKeyOptions
{
    public const string Section = "Auth";

    public Dictionary<string, string> ApiKeys { get; set; } = new(StringComparer.Ordinal);
}
