using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Dashboard.Web.Features.Api;

/// <summary>
/// Writes an instant with milliseconds (<c>2024-06-15T10:30:00.000Z</c>), as the support-cases API's
/// reference shows them. The Store API v2 shows whole seconds (<see cref="ApiJson.TimeFormat"/>); both
/// share <see cref="ApiJson.Options"/>, so the support-cases wire records mark their times with this.
/// </summary>
[AttributeUsage(AttributeTargets.Property | AttributeTargets.Field)]
public sealed class MillisecondUtcTimeAttribute : JsonConverterAttribute
{
    public const string Format = "yyyy-MM-dd'T'HH:mm:ss.fff'Z'";

    public override JsonConverter CreateConverter(Type typeToConvert) =>
        typeToConvert == typeof(DateTime) ? new TimeConverter()
        : typeToConvert == typeof(DateTime?) ? new NullableTimeConverter()
        : throw new InvalidOperationException($"{nameof(MillisecondUtcTimeAttribute)} is for DateTime properties, not {typeToConvert}");

    private static string Write(DateTime value) =>
        (value.Kind == DateTimeKind.Local ? value.ToUniversalTime() : DateTime.SpecifyKind(value, DateTimeKind.Utc)).ToString(Format, CultureInfo.InvariantCulture);

    private sealed class TimeConverter : JsonConverter<DateTime>
    {
        public override DateTime Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) => reader.GetDateTime().ToUniversalTime();
        public override void Write(Utf8JsonWriter writer, DateTime value, JsonSerializerOptions options) => writer.WriteStringValue(MillisecondUtcTimeAttribute.Write(value));
    }

    private sealed class NullableTimeConverter : JsonConverter<DateTime?>
    {
        public override DateTime? Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
            reader.TokenType == JsonTokenType.Null ? null : reader.GetDateTime().ToUniversalTime();

        public override void Write(Utf8JsonWriter writer, DateTime? value, JsonSerializerOptions options)
        {
            if (value is { } v) writer.WriteStringValue(MillisecondUtcTimeAttribute.Write(v));
            else writer.WriteNullValue();
        }
    }
}
