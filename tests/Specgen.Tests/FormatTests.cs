using System.Text.Json;
using Specgen.Runtime;
using Specgen.Tests.Infrastructure;
using Xunit;

namespace Specgen.Tests;

/// <summary>
/// Formats give their C# types (formats.yaml), in bodies, parameters and headers; their text follows
/// RFC 3339 and the invariant culture; and a value the server sends that is not valid in its format is
/// kept as sent, written back unchanged, and only the member that holds it refuses to be read.
/// </summary>
public class FormatTests
{
    private static readonly Lazy<CompiledSpec> Spec = new(() => CompiledSpec.Compile("formats.yaml"));

    private const string Valid =
        """{"id":"0f8fad5b-d9cb-469f-a165-70867728950e","at":"2024-05-01T12:30:00Z","day":"2024-05-01","opensAt":"08:15:00","link":"https://example.com/a?b=c","path":"../up/here","payload":"AAEC/w==","ratio":0.25,"price":19.99,"score":1.5,"count":7,"total":9007199254740993,"email":"a@b.c","hostname":"example.com","ttl":"PT5M","seen":["2024-05-01T12:30:00.125-02:00"],"updatedAt":null}""";

    [Theory]
    [InlineData("Id", typeof(Guid))]
    [InlineData("At", typeof(DateTimeOffset))]
    [InlineData("Day", typeof(DateOnly))]
    [InlineData("OpensAt", typeof(TimeOnly))]
    [InlineData("Link", typeof(Uri))]
    [InlineData("Path", typeof(Uri))]
    [InlineData("Payload", typeof(byte[]))]
    [InlineData("Ratio", typeof(float))]
    [InlineData("Price", typeof(decimal))]
    [InlineData("Score", typeof(double))]
    [InlineData("Count", typeof(int))]
    [InlineData("Total", typeof(long))]
    [InlineData("Email", typeof(string))]
    [InlineData("Hostname", typeof(string))]
    [InlineData("Ttl", typeof(string))]
    [InlineData("Seen", typeof(IReadOnlyList<DateTimeOffset>))]
    [InlineData("UpdatedAt", typeof(DateTimeOffset))]
    public void A_format_gives_its_CSharp_type(string member, Type expected)
    {
        var type = Spec.Value.Type("Event").GetProperty(member)!.PropertyType;

        Assert.Equal(expected, Nullable.GetUnderlyingType(type) ?? type);
    }

    [Fact]
    public void Formatted_values_read_as_what_they_say_and_write_back_the_same_text()
    {
        var value = Spec.Value.Read("Event", Valid);

        Assert.Equal(Guid.Parse("0f8fad5b-d9cb-469f-a165-70867728950e"), CompiledSpec.Get(value, "Id"));
        Assert.Equal(new DateTimeOffset(2024, 5, 1, 12, 30, 0, TimeSpan.Zero), CompiledSpec.Get(value, "At"));
        Assert.Equal(new DateOnly(2024, 5, 1), CompiledSpec.Get(value, "Day"));
        Assert.Equal(new TimeOnly(8, 15), CompiledSpec.Get(value, "OpensAt"));
        Assert.Equal("../up/here", ((Uri)CompiledSpec.Get(value, "Path")!).OriginalString);
        Assert.Equal(new byte[] { 0, 1, 2, 255 }, CompiledSpec.Get(value, "Payload"));
        Assert.Equal(19.99m, CompiledSpec.Get(value, "Price"));
        Assert.Equal(9007199254740993L, CompiledSpec.Get(value, "Total"));
        Assert.Equal(new DateTimeOffset(2024, 5, 1, 12, 30, 0, 125, TimeSpan.FromHours(-2)), Assert.Single((IReadOnlyList<DateTimeOffset>)CompiledSpec.Get(value, "Seen")!));

        Assert.Equal(Valid, Spec.Value.Write("Event", value));
    }

    [Fact]
    public void A_value_set_in_CSharp_is_written_in_its_format()
    {
        var value = Activator.CreateInstance(Spec.Value.Type("Event"))!;
        var type = value.GetType();
        type.GetProperty("Id")!.SetValue(value, Guid.Parse("0f8fad5b-d9cb-469f-a165-70867728950e"));
        type.GetProperty("At")!.SetValue(value, new DateTimeOffset(2024, 5, 1, 12, 30, 0, 500, TimeSpan.FromHours(-5)));
        type.GetProperty("OpensAt")!.SetValue(value, new TimeOnly(23, 59, 59, 10));
        type.GetProperty("Payload")!.SetValue(value, "hi"u8.ToArray());

        Assert.Equal(
            """{"id":"0f8fad5b-d9cb-469f-a165-70867728950e","at":"2024-05-01T12:30:00.5-05:00","opensAt":"23:59:59.01","payload":"aGk="}""",
            Spec.Value.Write("Event", value));
    }

    [Theory]
    [InlineData("id", "\"not-a-uuid\"", "Id", "uuid")]
    [InlineData("at", "\"yesterday\"", "At", "date-time")]
    [InlineData("at", "\"2024-05-01 12:30:00\"", "At", "date-time")]
    [InlineData("day", "\"01/05/2024\"", "Day", "date")]
    [InlineData("opensAt", "\"8 am\"", "OpensAt", "time")]
    [InlineData("link", "\"http://[bad\"", "Link", "uri")]
    [InlineData("payload", "\"not base64!\"", "Payload", "byte")]
    [InlineData("count", "3000000000", "Count", "int32")]
    [InlineData("count", "1.5", "Count", "int32")]
    [InlineData("total", "\"twelve\"", "Total", "integer")]
    [InlineData("seen", "[\"2024-05-01T12:30:00Z\",\"soon\"]", "Seen", "list of date-time")]
    public void A_value_not_valid_in_its_format_is_kept_as_sent_and_only_its_member_refuses(string property, string json, string member, string format)
    {
        var text = Replace(Valid, property, json);

        var value = Spec.Value.Read("Event", text);

        Assert.Equal(text, Spec.Value.Write("Event", value));
        var error = Assert.Throws<MemberUnavailableException>(() => Touch(value, member));
        Assert.Equal(format, error.Format);
        Assert.Equal(json, error.RawValue!.Value.GetRawText());
        Assert.Contains($"'{property}' is not a valid {format}", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(json.Trim('"'), error.Message, StringComparison.Ordinal);
        Assert.NotNull(CompiledSpec.Get(value, member == "At" ? "Day" : "At"));
        Assert.Contains(member + " = ", value.ToString(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("id", "\"0F8FAD5B-D9CB-469F-A165-70867728950E\"", "Id")]
    [InlineData("at", "\"2024-05-01T12:30:00.000Z\"", "At")]
    [InlineData("at", "\"2024-05-01T12:30:00+00:00\"", "At")]
    [InlineData("at", "\"2024-05-01T12:30:00\"", "At")]
    [InlineData("opensAt", "\"08:15:00.000\"", "OpensAt")]
    [InlineData("opensAt", "\"08:15:00Z\"", "OpensAt")]
    [InlineData("opensAt", "\"08:15:00+02:00\"", "OpensAt")]
    [InlineData("ratio", "18064661.556854844", "Ratio")]
    [InlineData("price", "0.1000000000000000000000000000001", "Price")]
    [InlineData("seen", "[\"2024-05-01T12:30:00.100Z\"]", "Seen")]
    public void A_value_that_reads_but_would_be_written_differently_reads_and_keeps_its_text(string property, string json, string member)
    {
        var text = Replace(Valid, property, json);

        var value = Spec.Value.Read("Event", text);

        Assert.NotNull(CompiledSpec.Get(value, member));
        Assert.Equal(text, Spec.Value.Write("Event", value));
    }

    [Fact]
    public void A_date_time_without_an_offset_reads_as_the_clock_time_sent_with_offset_zero()
    {
        var value = Spec.Value.Read("Event", Replace(Valid, "at", "\"2026-03-01T08:15:30.25\""));

        var at = (DateTimeOffset)CompiledSpec.Get(value, "At")!;
        Assert.Equal(new DateTime(2026, 3, 1, 8, 15, 30, 250), at.DateTime);
        Assert.Equal(TimeSpan.Zero, at.Offset);
        Assert.Contains("\"at\":\"2026-03-01T08:15:30.25\"", Spec.Value.Write("Event", value), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("count", "\"12\"", "Count", 12)]
    [InlineData("total", "\"-9000000000\"", "Total", -9_000_000_000L)]
    [InlineData("score", "\"2.5e1\"", "Score", 25.0)]
    [InlineData("ratio", "\"0.5\"", "Ratio", 0.5f)]
    public void A_number_written_as_text_reads_as_the_number_and_is_sent_as_one(string property, string json, string member, object expected)
    {
        var value = Spec.Value.Read("Event", Replace(Valid, property, json));

        Assert.Equal(expected, CompiledSpec.Get(value, member));
        Assert.Contains($"\"{property}\":{Convert.ToString(expected, System.Globalization.CultureInfo.InvariantCulture)}", Spec.Value.Write("Event", value), StringComparison.Ordinal);
    }

    [Fact]
    public void Setting_a_member_replaces_a_value_kept_as_sent()
    {
        var value = Spec.Value.Read("Event", Replace(Valid, "day", "\"someday\""));
        var copy = CloneWith(value, "Day", new DateOnly(2024, 6, 1));

        Assert.Equal(new DateOnly(2024, 6, 1), CompiledSpec.Get(copy, "Day"));
        Assert.Contains("\"day\":\"2024-06-01\"", Spec.Value.Write("Event", copy), StringComparison.Ordinal);
        Assert.Throws<MemberUnavailableException>(() => Touch(value, "Day"));
    }

    [Fact]
    public void Strict_reading_refuses_a_value_not_valid_in_its_format()
    {
        var options = JsonRead.Strict(new JsonSerializerOptions());

        Assert.ThrowsAny<Exception>(() => JsonSerializer.Deserialize(Replace(Valid, "day", "\"someday\""), Spec.Value.Type("Event"), options));
        Assert.NotNull(JsonSerializer.Deserialize(Valid, Spec.Value.Type("Event"), options));
    }

    [Fact]
    public async Task Formatted_parameters_and_headers_go_on_the_wire_in_their_format_and_response_headers_read_back()
    {
        await using var server = await ScriptedServer.StartAsync((context, _) => ScriptedServer.Reply(context, 200, Valid,
            ("Content-Type", "application/json"), ("X-Expires", "2024-05-01T12:30:00+02:00"), ("X-Version", "0f8fad5b-d9cb-469f-a165-70867728950e")));
        var client = Activator.CreateInstance(Spec.Value.Type("FormatsClient"), new HttpClient { BaseAddress = server.BaseAddress }, new ApiClientOptions())!;
        var id = Guid.Parse("0f8fad5b-d9cb-469f-a165-70867728950e");

        var response = await CompiledSpec.CallWithResponseAsync(client, "GetEventAsync",
            id, new DateTimeOffset(2024, 5, 1, 12, 30, 0, TimeSpan.Zero), new DateOnly(2024, 5, 1), 0.1f, id, CancellationToken.None);

        var request = Assert.Single(server.Requests);
        Assert.Equal("/events/0f8fad5b-d9cb-469f-a165-70867728950e?since=2024-05-01T12%3A30%3A00Z&day=2024-05-01&ratio=0.1", request.PathAndQuery);
        Assert.Equal("0f8fad5b-d9cb-469f-a165-70867728950e", request.Headers["X-Trace"]);
        var headers = Spec.Value.Type("GetEventHeaders").GetMethod("From")!.Invoke(null, [response.Headers])!;
        Assert.Equal(new DateTimeOffset(2024, 5, 1, 12, 30, 0, TimeSpan.FromHours(2)), CompiledSpec.Get(headers, "XExpires"));
        Assert.Equal(id, CompiledSpec.Get(headers, "XVersion"));
    }

    [Theory]
    [InlineData("en-US")]
    [InlineData("de-DE")]
    [InlineData("ar-SA")]
    public void Text_does_not_depend_on_the_culture(string culture)
    {
        var saved = Thread.CurrentThread.CurrentCulture;
        try
        {
            Thread.CurrentThread.CurrentCulture = new System.Globalization.CultureInfo(culture);

            Assert.Equal("2024-05-01T12:30:00.25Z", ApiText.DateTime(new DateTimeOffset(2024, 5, 1, 12, 30, 0, 250, TimeSpan.Zero)));
            Assert.Equal("2024-05-01", ApiText.Date(new DateOnly(2024, 5, 1)));
            Assert.Equal("1.5", ApiText.Single(1.5f));
            Assert.Equal("19.99", ApiText.Decimal(19.99m));
            Assert.Equal(Valid, Spec.Value.Write("Event", Spec.Value.Read("Event", Valid)));
        }
        finally
        {
            Thread.CurrentThread.CurrentCulture = saved;
        }
    }

    private static string Replace(string json, string property, string value)
    {
        var node = System.Text.Json.Nodes.JsonNode.Parse(json)!.AsObject();
        node[property] = System.Text.Json.Nodes.JsonNode.Parse(value);
        return node.ToJsonString();
    }

    private static object? Touch(object value, string member)
    {
        try
        {
            return CompiledSpec.Get(value, member);
        }
        catch (System.Reflection.TargetInvocationException e) when (e.InnerException is not null)
        {
            throw e.InnerException;
        }
    }

    /// <summary><c>value with { member = set }</c>: the record's clone, then the init accessor.</summary>
    private static object CloneWith(object value, string member, object set)
    {
        var clone = value.GetType().GetMethod("<Clone>$")!.Invoke(value, null)!;
        clone.GetType().GetProperty(member)!.SetValue(clone, set);
        return clone;
    }
}
