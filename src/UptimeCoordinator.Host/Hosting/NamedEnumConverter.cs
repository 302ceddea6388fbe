using System.Text.Json;
using System.Text.Json.Serialization;

namespace UptimeCoordinator.Host.Hosting;

/// <summary>
/// The API reads enums by their names only. The enums' own string converter also takes numbers, so
/// <c>"status": 99</c> became a status no code knows (a 500, and a stored check). In the HTTP JSON
/// options this takes precedence over the converter attributes on the enums; grain storage keeps
/// those. Writing is theirs unchanged.
/// </summary>
internal sealed class NamedEnumConverter : JsonConverterFactory
{
    public override bool CanConvert(Type typeToConvert) => typeToConvert.IsEnum;

    public override JsonConverter? CreateConverter(Type typeToConvert, JsonSerializerOptions options) =>
        (JsonConverter?)Activator.CreateInstance(typeof(NamesOnly<>).MakeGenericType(typeToConvert));

    private sealed class NamesOnly<TEnum> : JsonConverter<TEnum>
        where TEnum : struct, Enum
    {
        private static readonly JsonConverter<TEnum> Strict = Create(allowIntegerValues: false);
        private static readonly JsonConverter<TEnum> AsDeclared = Create(allowIntegerValues: true);

        public override TEnum Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
            Strict.Read(ref reader, typeToConvert, options);

        public override void Write(Utf8JsonWriter writer, TEnum value, JsonSerializerOptions options) =>
            AsDeclared.Write(writer, value, options);

        public override TEnum ReadAsPropertyName(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
            Strict.ReadAsPropertyName(ref reader, typeToConvert, options);

        public override void WriteAsPropertyName(Utf8JsonWriter writer, TEnum value, JsonSerializerOptions options) =>
            AsDeclared.WriteAsPropertyName(writer, value, options);

        private static JsonConverter<TEnum> Create(bool allowIntegerValues) =>
            (JsonConverter<TEnum>)new JsonStringEnumConverter<TEnum>(namingPolicy: null, allowIntegerValues)
                .CreateConverter(typeof(TEnum), JsonSerializerOptions.Default);
    }
}
