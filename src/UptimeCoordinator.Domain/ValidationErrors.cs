namespace UptimeCoordinator.Domain;

/// <summary>
/// Field path to messages, in the shape of RFC 7807's <c>errors</c> extension, so the host can
/// hand it to a validation problem unchanged.
/// </summary>
public sealed class ValidationErrors
{
    private readonly Dictionary<string, List<string>> _errors = new(StringComparer.Ordinal);

    public bool IsValid => _errors.Count == 0;

    public void Add(string path, string message)
    {
        if (!_errors.TryGetValue(path, out var messages))
        {
            _errors[path] = messages = [];
        }

        messages.Add(message);
    }

    public void AddRange(ValidationErrors other, string prefix = "")
    {
        foreach (var (path, messages) in other._errors)
        {
            foreach (var message in messages)
            {
                // An error about the nested value as a whole is keyed by the prefix alone: "[0]", not "[0].".
                Add(path.Length == 0 ? prefix.TrimEnd('.') : prefix + path, message);
            }
        }
    }

    public Dictionary<string, string[]> ToDictionary() =>
        _errors.ToDictionary(e => e.Key, e => e.Value.ToArray(), StringComparer.Ordinal);
}
