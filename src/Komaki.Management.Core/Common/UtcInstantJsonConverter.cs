using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Komaki.Management.Core.Common;

/// Every instant the app keeps is UTC, but SQLite hands it back without a kind, and System.Text.Json would then
/// write it without a zone: a portal reading the JSON would take 「2026-12-07T14:48:44」 for Japan time, nine hours off
/// the CSV of the same list. Instants in open data are written one way, in JSON and CSV alike.
public sealed class UtcInstantJsonConverter : JsonConverter<DateTime>
{
    public const string Format = "yyyy-MM-ddTHH:mm:ssZ";

    public static string Text(DateTime value) =>
        (value.Kind == DateTimeKind.Local ? value.ToUniversalTime() : value).ToString(Format, CultureInfo.InvariantCulture);

    public override DateTime Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        reader.GetDateTime().ToUniversalTime();

    public override void Write(Utf8JsonWriter writer, DateTime value, JsonSerializerOptions options) =>
        writer.WriteStringValue(Text(value));
}
