using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using CsCheck;

namespace UptimeCoordinator.Host.Tests.Security;

/// <summary>One way to spoil a JSON tree. <c>Slot</c> picks a field or an item, counted modulo the body's slots, so any number fits any body.</summary>
public abstract record TreeSpoil;

public sealed record DropSpoil(int Slot) : TreeSpoil;

public sealed record NullSpoil(int Slot) : TreeSpoil;

/// <summary><paramref name="Value"/> is raw JSON text, so it can be what JSON itself cannot hold (NaN, 1e309, a lone surrogate).</summary>
public sealed record ReplaceSpoil(int Slot, string Value) : TreeSpoil;

/// <summary>The same value as another JSON type: a word becomes <paramref name="Ordinal"/> (an enum's number), a number a string, and so on.</summary>
public sealed record SwapSpoil(int Slot, string Ordinal) : TreeSpoil;

public sealed record NestSpoil(int Slot, int Depth) : TreeSpoil;

/// <summary>An array's first item, or the value itself when it is not an array, <paramref name="Times"/> times.</summary>
public sealed record RepeatSpoil(int Slot, int Times) : TreeSpoil;

/// <summary>A field added to the object that holds the slot (or to the root).</summary>
public sealed record AddSpoil(int Slot, string Name, string Value) : TreeSpoil;

public sealed record RootSpoil(string Value) : TreeSpoil;

/// <summary>A spoil of the written bytes. <c>At</c> is counted modulo the body's length.</summary>
public abstract record ByteSpoil;

public sealed record TruncateSpoil(int At) : ByteSpoil;

public sealed record BadByteSpoil(int At, byte Value) : ByteSpoil;

public sealed record WholeBodySpoil(string Text) : ByteSpoil;

/// <summary>
/// Everything done to one body: tree spoils in order, then maybe a top-level field written twice, then
/// maybe a byte-level spoil. <paramref name="Duplicate"/> is counted modulo the root's fields.
/// </summary>
public sealed record BodySpoils(TreeSpoil[] Tree, int? Duplicate, ByteSpoil? Bytes)
{
    public override string ToString()
    {
        var parts = Tree.Select(HostileInputMutator.Short).ToList();
        if (Duplicate is { } field)
        {
            parts.Add($"duplicate field #{field}");
        }

        if (Bytes is not null)
        {
            parts.Add(HostileInputMutator.Short(Bytes));
        }

        return parts.Count == 0 ? "valid body" : string.Join("; ", parts);
    }
}

/// <summary>A path segment: one of the ids the state holds (picked modulo how many there are), or a trick.</summary>
public abstract record PathId;

public sealed record KnownId(int Pick) : PathId;

public sealed record TrickId(string Id) : PathId;

/// <summary>
/// The generators of the ways a careless or hostile caller spoils a valid JSON body, and their
/// deterministic application: fields dropped, duplicated or added, nulls, values of the wrong type,
/// hostile strings and numbers, deep nesting, huge arrays, and at the byte level truncation, invalid
/// UTF-8 and whole-body replacement. Everything random is in the generators, so CsCheck can replay
/// and shrink a case; applying one to the same body gives the same bytes.
/// </summary>
public static class HostileInputMutator
{
    // What JsonNode cannot hold (NaN, 1e309, lone surrogates, nesting past its depth) goes in as a marker string, replaced after writing.
    private const string RawMarker = "\u0001raw";

    /// <summary>A path id that no state holds, for a known-id pick when the state holds none.</summary>
    private const string NoneKnown = "fuzz-none";

    private static readonly string[] Words =
    [
        "", " ", "shop", "db", "spare", "acme", "ops", "down", "up", "degraded", "sideways", "DOWN", "identified", "monitoring",
        "resolved", "critical", "minor", "bogus", "incident.detected", "incident.bogus", "EUR", "XXX", "UTC", "Europe/Berlin",
        "Mars/Olympus_Mons", "PT1H", "P1000Y", "PT0S", "-PT1H", "22:00", "25:61", "eve@acme.example", "Eve <eve@acme.example>",
        "http://127.0.0.1:9/hook", "https://hooks.example.com/x", "file:///etc/passwd", "0001-01-01T00:00:00Z",
        "9999-12-31T23:59:59Z", "2026-13-45T99:00:00Z", "2030-01-01T00:00:00", "Eve\r\nBcc: victim@example.com",
        "a\u0000b", "\u001b[31mred", "\u202Eevil", "\u0455hop", "💥", "'; DROP TABLE services; --", "../../etc/passwd",
        "%00", "%0d%0aSet-Cookie: x=1", "{{7*7}}", "${jndi:ldap://x}", "<script>alert(1)</script>",
    ];

    private static readonly string[] RawNumbers =
    [
        "0", "-0", "-1", "1", "2", "99", "0.5", "-0.0001", "1e308", "-1e308", "1e309", "-1e309", "1e-400", "2147483648",
        "-2147483649", "9223372036854775808", "79228162514264337593543950336", "100001", "1000000000", "1.0000001", "6",
        "NaN", "Infinity", "-Infinity", "0x10", "01", "1.", ".5", "+1",
    ];

    private static readonly string[] FieldNames =
    [
        "id", "name", "serviceId", "serviceIds", "status", "observedAt", "by", "eta", "stage", "severity", "message", "title",
        "start", "end", "impact", "contacts", "subscriptions", "costProfile", "sla", "extra", "__proto__", "constructor", "",
    ];

    private static readonly string[] Ordinals = ["-1", "0", "2", "3", "99", "1.5", "1e309"];

    private static readonly string[] WholeBodies = ["", " ", "null", "[]", "{}", "42", "\"x\"", "{", "]", "[{}]", "true", "{\"a\":1}{\"a\":2}"];

    private static readonly string[] LoneSurrogates = ["\"\\ud800\"", "\"x\\udfffy\"", "\"\\udbff\\u0041\""];

    private static readonly int[] Depths = [2, 10, 63, 64, 65, 200, 5000];

    private static readonly int[] RepeatTimes = [2, 51, 101, 501, 1001];

    private static readonly byte[] BadBytes = [0xFF, 0xC3, 0x80, 0xED, 0xC0];

    /// <summary>No NUL: the test server cannot send one, and Kestrel refuses it before the app (see HostileInputTests).</summary>
    private static readonly string[] IdTricks =
    [
        "", ".", "..", "%2e%2e", "..%2F..%2Fclients", "a%2Fb", "a%0d%0aSet-Cookie:x", new string('a', 300), new string('a', 65),
        "SHOP", "%D1%95hop", "shop%20", "-leading", "shop%3Fx=1", "%25", "%ff",
    ];

    private static readonly Gen<int> Slot = Gen.Int[0, 63];

    private static readonly Gen<string> Text = Gen.Frequency(
        (4, Gen.OneOf(Words)),
        (1, Gen.OneOf(201, 1001, 4001, 20_000).Select(length => new string('x', length))),
        // Control characters and the Latin, IPA and combining blocks, none of which JSON text may carry unescaped.
        (1, Gen.Char[(char)0, (char)0x24F].Array[1, 29].Select(chars => new string(chars))));

    private static readonly Gen<string> Number = Gen.Frequency(
        (4, Gen.OneOf(RawNumbers)),
        (1, Gen.Long.Select(n => n.ToString(CultureInfo.InvariantCulture))),
        (1, Gen.Double.Select(d => d.ToString("R", CultureInfo.InvariantCulture))));

    private static readonly Gen<string> Leaf = Gen.Frequency(
        (1, Gen.Const("null")),
        (1, Gen.Bool.Select(b => b ? "true" : "false")),
        (2, Number),
        (2, Text.Select(text => JsonValue.Create(text).ToJsonString())),
        (1, Gen.OneOf(LoneSurrogates)));

    /// <summary>A hostile JSON value as raw text: a leaf, or arrays and objects of them two levels deep.</summary>
    public static readonly Gen<string> Value = Composite(Composite(Leaf));

    public static readonly Gen<TreeSpoil> TreeSpoils = Gen.Frequency<TreeSpoil>(
        (2, Gen.Select(Slot, Value, (slot, value) => (TreeSpoil)new ReplaceSpoil(slot, value))),
        (1, Slot.Select(slot => (TreeSpoil)new DropSpoil(slot))),
        (1, Slot.Select(slot => (TreeSpoil)new NullSpoil(slot))),
        (1, Gen.Select(Slot, Gen.OneOf(Ordinals), (slot, ordinal) => (TreeSpoil)new SwapSpoil(slot, ordinal))),
        (1, Gen.Select(Slot, Gen.OneOf(Depths), (slot, depth) => (TreeSpoil)new NestSpoil(slot, depth))),
        (1, Gen.Select(Slot, Gen.OneOf(RepeatTimes), (slot, times) => (TreeSpoil)new RepeatSpoil(slot, times))),
        (1, Gen.Select(Slot, Gen.OneOf(FieldNames), Value, (slot, name, value) => (TreeSpoil)new AddSpoil(slot, name, value))),
        (1, Value.Select(value => (TreeSpoil)new RootSpoil(value))));

    public static readonly Gen<ByteSpoil?> ByteSpoils = Gen.Frequency<ByteSpoil?>(
        (11, Gen.Const((ByteSpoil?)null)),
        (1, Gen.Int[0, 1 << 20].Select(at => (ByteSpoil?)new TruncateSpoil(at))),
        (1, Gen.Select(Gen.Int[0, 1 << 20], Gen.OneOf(BadBytes), (at, value) => (ByteSpoil?)new BadByteSpoil(at, value))),
        (1, Gen.OneOf(WholeBodies).Select(text => (ByteSpoil?)new WholeBodySpoil(text))));

    /// <summary>Zero to three tree spoils (mostly one), sometimes a duplicated field, sometimes a byte spoil.</summary>
    public static readonly Gen<BodySpoils> Body = Gen.Select(
        Gen.Frequency((2, 0), (5, 1), (2, 2), (1, 3)).SelectMany(count => TreeSpoils.Array[count]),
        Gen.Frequency((7, Gen.Const((int?)null)), (1, Gen.Int[0, 31].Select(field => (int?)field))),
        ByteSpoils,
        (tree, duplicate, bytes) => new BodySpoils(tree, duplicate, bytes));

    /// <summary>Mostly an id the state holds; else a path trick or a new slug.</summary>
    public static readonly Gen<PathId> Id = Gen.Frequency<PathId>(
        (7, Gen.Int[0, 63].Select(pick => (PathId)new KnownId(pick))),
        (2, Gen.OneOf(IdTricks).Select(id => (PathId)new TrickId(id))),
        (1, Gen.Int[0, 999].Select(n => (PathId)new TrickId($"fuzz-{n}"))));

    /// <summary>The path segment of <paramref name="id"/> given the ids the state holds now.</summary>
    public static string Resolve(PathId id, IReadOnlyList<string> known) => id switch
    {
        KnownId pick => known.Count == 0 ? NoneKnown : known[pick.Pick % known.Count],
        TrickId trick => trick.Id,
        _ => throw new ArgumentOutOfRangeException(nameof(id), id, "not a path id"),
    };

    /// <summary>The bytes of <paramref name="valid"/> spoiled by <paramref name="spoils"/>; <paramref name="log"/> says what each spoil hit, for the failure message.</summary>
    public static byte[] Apply(JsonNode valid, BodySpoils spoils, List<string> log)
    {
        var raw = new List<string>();
        var root = valid.DeepClone();
        foreach (var spoil in spoils.Tree)
        {
            root = ApplyTree(root, spoil, raw, log);
        }

        var text = WithRawTokens(root.ToJsonString(), raw);
        if (spoils.Duplicate is { } field && root is JsonObject { Count: > 0 } top)
        {
            var (name, value) = top.ElementAt(field % top.Count);
            text = "{" + JsonValue.Create(name).ToJsonString() + ":" + WithRawTokens(value?.ToJsonString() ?? "null", raw) + "," + text[1..];
            log.Add($"duplicate '{name}'");
        }

        var bytes = Encoding.UTF8.GetBytes(text);
        switch (spoils.Bytes)
        {
            case TruncateSpoil truncate when bytes.Length > 1:
                var cut = 1 + (truncate.At % (bytes.Length - 1));
                log.Add($"truncate at byte {cut} of {bytes.Length}");
                return bytes[..cut];
            case BadByteSpoil bad when bytes.Length > 0:
                var at = bad.At % bytes.Length;
                log.Add($"byte {at} set to 0x{bad.Value:X2}");
                bytes[at] = bad.Value;
                return bytes;
            case WholeBodySpoil whole:
                log.Add($"body replaced by '{whole.Text}'");
                return Encoding.UTF8.GetBytes(whole.Text);
            default:
                return bytes;
        }
    }

    /// <summary>A spoil in one short line: the raw values can be 20,000 characters long.</summary>
    internal static string Short(object spoil) => Shorten(spoil.ToString() ?? "", 120);

    private static Gen<string> Composite(Gen<string> inner) => Gen.Frequency(
        (6, Leaf),
        (1, inner.Array[0, 3].Select(items => "[" + string.Join(",", items) + "]")),
        (1, Gen.Select(Gen.OneOf(FieldNames), inner).Array[0, 3].Select(fields =>
            "{" + string.Join(",", fields.Select((f, i) => JsonValue.Create(f.Item1 + i.ToString(CultureInfo.InvariantCulture)).ToJsonString() + ":" + f.Item2)) + "}")));

    private static JsonNode ApplyTree(JsonNode root, TreeSpoil spoil, List<string> raw, List<string> log)
    {
        var slots = new List<(JsonNode Parent, object Key)>();
        Collect(root, slots);
        if (spoil is RootSpoil rootSpoil || slots.Count == 0)
        {
            var value = spoil switch
            {
                RootSpoil r => r.Value,
                ReplaceSpoil r => r.Value,
                AddSpoil a => a.Value,
                NestSpoil n => Nested(n.Depth),
                SwapSpoil s => s.Ordinal,
                _ => "null",
            };
            log.Add($"root replaced by {Shorten(value, 60)}");
            return Raw(value, raw);
        }

        var (parent, key) = spoil switch
        {
            DropSpoil s => slots[s.Slot % slots.Count],
            NullSpoil s => slots[s.Slot % slots.Count],
            ReplaceSpoil s => slots[s.Slot % slots.Count],
            SwapSpoil s => slots[s.Slot % slots.Count],
            NestSpoil s => slots[s.Slot % slots.Count],
            RepeatSpoil s => slots[s.Slot % slots.Count],
            AddSpoil s => slots[s.Slot % slots.Count],
            _ => throw new ArgumentOutOfRangeException(nameof(spoil), spoil, "not a tree spoil"),
        };
        switch (spoil)
        {
            case DropSpoil:
                Remove(parent, key);
                log.Add($"drop {key}");
                break;
            case NullSpoil:
                Set(parent, key, null);
                log.Add($"{key} = null");
                break;
            case ReplaceSpoil replace:
                Set(parent, key, Raw(replace.Value, raw));
                log.Add($"{key} = {Shorten(replace.Value, 60)}");
                break;
            case SwapSpoil swap:
                var swapped = Swapped(Get(parent, key), swap.Ordinal, raw);
                Set(parent, key, swapped);
                log.Add($"{key} swapped to {Describe(swapped, raw)}");
                break;
            case NestSpoil nest:
                Set(parent, key, Raw(Nested(nest.Depth), raw));
                log.Add($"{key} nested {nest.Depth} deep");
                break;
            case RepeatSpoil repeat:
                var current = Get(parent, key);
                var item = current is JsonArray { Count: > 0 } array ? array[0] : current;
                var itemText = WithRawTokens(item?.ToJsonString() ?? "null", raw);
                Set(parent, key, Raw("[" + string.Join(",", Enumerable.Repeat(itemText, repeat.Times)) + "]", raw));
                log.Add($"{key} repeated {repeat.Times} times");
                break;
            case AddSpoil add:
                var target = parent as JsonObject ?? root as JsonObject;
                if (target is null)
                {
                    // The root is an array whose items are all arrays: nowhere to add a field, so the item gets the value.
                    Set(parent, key, Raw(add.Value, raw));
                    log.Add($"{key} = {Shorten(add.Value, 60)}");
                    break;
                }

                target[add.Name] = Raw(add.Value, raw);
                log.Add($"add '{add.Name}' = {Shorten(add.Value, 60)}");
                break;
        }

        return root;
    }

    private static JsonNode? Swapped(JsonNode? value, string ordinal, List<string> raw) => value switch
    {
        JsonValue text when text.GetValueKind() == JsonValueKind.String => Raw(ordinal, raw),
        JsonValue number when number.GetValueKind() == JsonValueKind.Number => JsonValue.Create(number.ToJsonString()),
        JsonValue => JsonValue.Create("true"),
        JsonArray array => new JsonObject { ["0"] = array.Count > 0 ? array[0]?.DeepClone() : null },
        JsonObject item => new JsonArray([.. item.Select(p => p.Value?.DeepClone())]),
        _ => JsonValue.Create(0),
    };

    private static JsonValue Raw(string json, List<string> raw)
    {
        raw.Add(json);
        return JsonValue.Create(RawMarker + (raw.Count - 1).ToString(CultureInfo.InvariantCulture) + "\u0001");
    }

    private static string WithRawTokens(string json, List<string> raw)
    {
        // JsonNode writes the marker's control characters escaped. Backwards, so raw0 does not match the start of raw10.
        for (var i = raw.Count - 1; i >= 0; i--)
        {
            json = json.Replace($"\"\\u0001raw{i}\\u0001\"", raw[i], StringComparison.Ordinal);
        }

        return json;
    }

    private static string Nested(int depth) => new string('[', depth) + "1" + new string(']', depth);

    private static void Collect(JsonNode? node, List<(JsonNode, object)> slots)
    {
        switch (node)
        {
            case JsonObject item:
                foreach (var (name, value) in item)
                {
                    slots.Add((item, name));
                    Collect(value, slots);
                }

                break;
            case JsonArray array:
                for (var i = 0; i < array.Count; i++)
                {
                    slots.Add((array, i));
                    Collect(array[i], slots);
                }

                break;
        }
    }

    private static JsonNode? Get(JsonNode parent, object key) => key is string name ? parent[name] : parent[(int)key];

    private static void Set(JsonNode parent, object key, JsonNode? value)
    {
        if (key is string name)
        {
            parent[name] = value;
        }
        else
        {
            parent[(int)key] = value;
        }
    }

    private static void Remove(JsonNode parent, object key)
    {
        if (key is string name)
        {
            parent.AsObject().Remove(name);
        }
        else
        {
            parent.AsArray().RemoveAt((int)key);
        }
    }

    private static string Describe(JsonNode? value, List<string> raw) => Shorten(WithRawTokens(value?.ToJsonString() ?? "null", raw), 60);

    private static string Shorten(string text, int length) => text.Length > length ? text[..length] + $"… ({text.Length} chars)" : text;
}
