using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Dashboard.Web.Features.Api;

/// <summary>
/// The Store API's JSON: camelCase, nulls written (an absent value is <c>null</c>, never a missing
/// property), instants as ISO-8601 UTC with <c>Z</c> in whole seconds, as the reference shows them
/// (<c>2023-11-07T05:31:56Z</c>). The database keeps full precision: lists are ordered and ETags
/// (the case version) are compared on the stored values, so two changes within one second still
/// sort and conflict correctly even though they print the same time.
/// </summary>
public static class ApiJson
{
    public static readonly JsonSerializerOptions Options = Create();

    private static JsonSerializerOptions Create()
    {
        var options = new JsonSerializerOptions(JsonSerializerDefaults.Web)
        {
            DefaultIgnoreCondition = JsonIgnoreCondition.Never,
            AllowTrailingCommas = false,
            // Field names are exact (ApiBody refuses "Priority" for "priority" before deserializing).
            PropertyNameCaseInsensitive = false,
            // Plain UTF-8 ("…", "—") rather than \\u escapes: responses are application/json, never embedded in HTML.
            Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        };
        options.Converters.Add(new UtcDateTimeConverter());
        options.MakeReadOnly(populateMissingResolver: true);
        return options;
    }

    /// <summary>Whole seconds, truncated (never rounded into the future: a link's expiresAt is never later than the truth).</summary>
    public const string TimeFormat = "yyyy-MM-dd'T'HH:mm:ss'Z'";

    public static string FormatTime(DateTime value) =>
        (value.Kind == DateTimeKind.Local ? value.ToUniversalTime() : DateTime.SpecifyKind(value, DateTimeKind.Utc))
            .ToString(TimeFormat, CultureInfo.InvariantCulture);

    private sealed class UtcDateTimeConverter : JsonConverter<DateTime>
    {
        public override DateTime Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
            reader.GetDateTime().ToUniversalTime();

        public override void Write(Utf8JsonWriter writer, DateTime value, JsonSerializerOptions options) =>
            writer.WriteStringValue(FormatTime(value));
    }
}
