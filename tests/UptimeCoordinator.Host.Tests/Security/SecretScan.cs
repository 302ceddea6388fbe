using System.Net;
using System.Text;
using System.Text.Encodings.Web;

namespace UptimeCoordinator.Host.Tests.Security;

/// <summary>
/// Named secrets and every form in which one could slip out: as written, URL-, HTML- and
/// JSON-escaped, base64 and base64url at each of the three alignments it could take inside a longer
/// base64 blob, and for a <c>whsec_</c> webhook secret its key as base64 and hex.
/// </summary>
internal sealed class SecretScan
{
    private readonly List<(string Name, string Form, string Text)> _forms = [];

    /// <summary>Adds a secret; <paramref name="value"/> must be long and distinctive enough that no innocent text holds it.</summary>
    public SecretScan Add(string name, string value)
    {
        Assert.True(value.Length >= 16, $"the secret {name} is too short to be found reliably");
        AddForm(name, "as written", value);
        AddForm(name, "URL-encoded", Uri.EscapeDataString(value));
        AddForm(name, "form-encoded", WebUtility.UrlEncode(value));
        AddForm(name, "HTML-encoded", WebUtility.HtmlEncode(value));
        AddForm(name, "JSON-escaped", JavaScriptEncoder.Default.Encode(value));
        AddBase64(name, "", Encoding.UTF8.GetBytes(value));
        if (value.StartsWith("whsec_", StringComparison.Ordinal))
        {
            var key = Convert.FromBase64String(value["whsec_".Length..]);
            AddBase64(name, "key ", key);
            AddForm(name, "key as hex", Convert.ToHexString(key));
            AddForm(name, "key as lower-case hex", Convert.ToHexStringLower(key));
        }

        return this;
    }

    /// <summary>Adds a blob that carries secrets only in an encoded form, such as SMTP's AUTH PLAIN argument.</summary>
    public SecretScan AddEncoded(string name, byte[] bytes)
    {
        AddBase64(name, "", bytes);
        return this;
    }

    /// <summary>Every secret form that <paramref name="text"/> holds, as "name (form)".</summary>
    public List<string> FindIn(string text) =>
        [.. _forms.Where(f => text.Contains(f.Text, StringComparison.Ordinal)).Select(f => $"{f.Name} ({f.Form})").Distinct()];

    /// <summary>Fails naming the secret, its form and where it was, with a short excerpt around it.</summary>
    public void AssertAbsent(string where, string text)
    {
        var found = _forms.FirstOrDefault(f => text.Contains(f.Text, StringComparison.Ordinal));
        if (found.Text is null)
        {
            return;
        }

        var at = text.IndexOf(found.Text, StringComparison.Ordinal);
        var from = Math.Max(0, at - 200);
        var excerpt = text.Substring(from, Math.Min(text.Length - from, found.Text.Length + 400));
        Assert.Fail($"{where} holds {found.Name} ({found.Form}): ...{excerpt}...");
    }

    private void AddBase64(string name, string prefix, byte[] bytes)
    {
        AddForm(name, $"{prefix}base64", Convert.ToBase64String(bytes));
        for (var skip = 0; skip < 3; skip++)
        {
            // Inside a longer blob the secret may start anywhere in a 3-byte group: the groups wholly
            // inside it encode the same way whatever precedes them.
            var whole = (bytes.Length - skip) / 3 * 3;
            if (whole < 12)
            {
                continue;
            }

            var inner = Convert.ToBase64String(bytes, skip, whole);
            AddForm(name, $"{prefix}base64 at offset {skip}", inner);
            AddForm(name, $"{prefix}base64url at offset {skip}", inner.Replace('+', '-').Replace('/', '_'));
        }
    }

    private void AddForm(string name, string form, string text)
    {
        if (!_forms.Any(f => f.Name == name && f.Text == text))
        {
            _forms.Add((name, form, text));
        }
    }
}
