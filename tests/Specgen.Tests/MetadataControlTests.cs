using System.Text.Json;
using System.Text.Json.Nodes;
using Specgen.Tests.Infrastructure;
using Vercel;
using Xunit;

namespace Specgen.Tests;

/// <summary>
/// The metadataSchema controls, through the types generated for spec/: each of the nine shapes lands
/// in its own case with every member readable, small unions take each JSON kind, and everything is
/// written back as it came.
/// </summary>
public class MetadataControlTests
{
    private static readonly JsonObject Controls =
        JsonNode.Parse(Fixtures.Read("store-response.json"))!["store"]!["product"]!["metadataSchema"]!["properties"]!.AsObject();

    [Theory]
    [InlineData("indexName", "StringInput: Index name, placeholder main, default main, read-only Mode(update), disabled Boolean(False)")]
    [InlineData("dimensions", "NumberInput: Vector dimensions, (0..4097), default 1536, read-only Boolean(True)")]
    [InlineData("highAvailability", "BooleanToggle: High availability, default False, hidden Expression(plan.id == 'bp_postgres_hobby')")]
    [InlineData("replicas", "NumberSlider: Read replicas, steps 0/1/2/3, items 0..3, default 1, description String(Read replicas serve reads close to your users.)")]
    [InlineData("version", "StringSelect: Postgres version, options 17/16/15, default 17, disabled Mode(update)")]
    [InlineData("extensions", "StringMultiSelect: Extensions, options pgvector/postgis/pg_trgm, items pgvector/postgis/pg_trgm, 0..3 items")]
    [InlineData("region", "VercelRegion: Region, options iad1/fra1, default fra1")]
    [InlineData("customDomain", "Domain: Custom domain, placeholder cache.example.com, hidden Mode(create), disabled Boolean(True)")]
    [InlineData("tier", "BrandedValue: value {\"__@BRAND@8675\":{}}, disabled Expression(true), hidden Boolean(True)")]
    public void Each_control_is_its_own_case_with_readable_members_and_round_trips(string field, string expected)
    {
        var json = Controls[field]!.ToJsonString();

        var control = JsonSerializer.Deserialize<MetadataControl>(json)!;

        Assert.Equal(expected, Describe(control));
        JsonAssert.Equivalent(json, JsonSerializer.Serialize(control));
    }

    [Fact]
    public void A_control_the_spec_does_not_list_is_Unknown_and_written_back_unchanged()
    {
        const string json = """{"type":"string","ui:control":"color-picker","ui:label":"Accent","palette":["#000","#fff"]}""";

        var control = JsonSerializer.Deserialize<MetadataControl>(json)!;

        var unknown = Assert.IsType<MetadataControl.Unknown>(control);
        Assert.Equal("color-picker", unknown.Json.GetProperty("ui:control").GetString());
        Assert.Equal(json, JsonSerializer.Serialize(control));
    }

    [Fact]
    public void A_known_control_with_a_wrongly_typed_member_is_Unknown_not_an_exception()
    {
        const string json = """{"type":"number","ui:control":"input","minimum":"zero"}""";

        var control = JsonSerializer.Deserialize<MetadataControl>(json)!;

        Assert.IsType<MetadataControl.Unknown>(control);
        Assert.Equal(json, JsonSerializer.Serialize(control));
    }

    [Theory]
    [InlineData("true", "Boolean(True)")]
    [InlineData("false", "Boolean(False)")]
    [InlineData("""{"expr":"plan.id == 'x'"}""", "Expression(plan.id == 'x')")]
    [InlineData("\"update\"", "Mode(update)")]
    [InlineData("\"create\"", "Mode(create)")]
    [InlineData("\"always\"", "Unknown(\"always\")")]
    [InlineData("1", "Unknown(1)")]
    [InlineData("[true]", "Unknown([true])")]
    public void Condition_takes_each_json_kind(string json, string expected)
    {
        var condition = JsonSerializer.Deserialize<Condition>(json)!;

        Assert.Equal(expected, Describe(condition));
        JsonAssert.Equivalent(json, JsonSerializer.Serialize(condition));
    }

    [Theory]
    [InlineData("\"Plain text\"", "String(Plain text)")]
    [InlineData("""{"expr":"'Up to ' + max"}""", "Expression('Up to ' + max)")]
    [InlineData("false", "Unknown(false)")]
    public void DescriptionText_takes_a_string_or_an_expression(string json, string expected)
    {
        var text = JsonSerializer.Deserialize<DescriptionText>(json)!;

        Assert.Equal(expected, Describe(text));
        JsonAssert.Equivalent(json, JsonSerializer.Serialize(text));
    }

    [Fact]
    public void Conditions_are_written_from_natural_csharp_values()
    {
        Condition fromBool = true;
        Condition fromMode = ConditionMode.Create;
        Condition fromExpression = new Expression { Expr = "plan.id == 'x'" };

        Assert.Equal("true", JsonSerializer.Serialize(fromBool));
        Assert.Equal("\"create\"", JsonSerializer.Serialize(fromMode));
        Assert.Equal("""{"expr":"plan.id == \u0027x\u0027"}""", JsonSerializer.Serialize(fromExpression));
    }

    [Fact]
    public void Metadata_values_are_written_from_natural_csharp_values()
    {
        var metadata = new Dictionary<string, MetadataValue>
        {
            ["environment"] = "development",
            ["replicas"] = 2,
            ["ha"] = true,
            ["tags"] = new[] { "database", "postgres" },
            ["ports"] = new[] { 5432d, 6432d },
        };

        var json = JsonSerializer.Serialize(metadata);

        Assert.Equal("""{"environment":"development","replicas":2,"ha":true,"tags":["database","postgres"],"ports":[5432,6432]}""", json);
        var read = JsonSerializer.Deserialize<Dictionary<string, MetadataValue>>(json)!;
        Assert.IsType<MetadataValue.StringList>(read["tags"]);
        Assert.IsType<MetadataValue.Number>(read["replicas"]);
        Assert.Equal(metadata, read);
    }


    private static string Describe(MetadataControl control) => control switch
    {
        MetadataControl.StringInput { Value: var c } =>
            $"StringInput: {c.UiLabel}, placeholder {c.UiPlaceholder}, default {c.Default}, read-only {Describe(c.UiReadOnly)}, disabled {Describe(c.UiDisabled)}",
        MetadataControl.NumberInput { Value: var c } =>
            $"NumberInput: {c.UiLabel}, ({c.ExclusiveMinimum}..{c.ExclusiveMaximum}), default {c.Default}, read-only {Describe(c.UiReadOnly)}",
        MetadataControl.BooleanToggle { Value: var c } =>
            $"BooleanToggle: {c.UiLabel}, default {c.Default}, hidden {Describe(c.UiHidden)}",
        MetadataControl.NumberSlider { Value: var c } =>
            $"NumberSlider: {c.UiLabel}, steps {string.Join("/", c.UiSteps)}, items {c.Items.Minimum}..{c.Items.Maximum}, default {string.Join("/", c.Default!)}, description {Describe(c.UiDescription)}",
        MetadataControl.StringSelect { Value: var c } =>
            $"StringSelect: {c.UiLabel}, options {string.Join("/", c.UiOptions.Select(o => o.Value))}, default {c.Default}, disabled {Describe(c.UiDisabled)}",
        MetadataControl.StringMultiSelect { Value: var c } =>
            $"StringMultiSelect: {c.UiLabel}, options {string.Join("/", c.UiOptions.Select(o => o.Value))}, items {string.Join("/", c.Items.Enum!)}, {c.MinItems}..{c.MaxItems} items",
        MetadataControl.VercelRegion { Value: var c } =>
            $"VercelRegion: {c.UiLabel}, options {string.Join("/", c.UiOptions.Select(o => o.Match(lv => lv.Value, opaque => opaque.GetRawText(), branded => branded.Value?.GetRawText(), u => u.GetRawText())))}, default {c.Default}",
        MetadataControl.Domain { Value: var c } =>
            $"Domain: {c.UiLabel}, placeholder {c.UiPlaceholder}, hidden {Describe(c.UiHidden)}, disabled {Describe(c.UiDisabled)}",
        MetadataControl.BrandedValue { Value: var c } =>
            $"BrandedValue: value {c.Value?.GetRawText()}, disabled {Describe(c.Disabled)}, hidden {Describe(c.Hidden)}",
        MetadataControl.Unknown { Json: var json } => $"Unknown: {json.GetRawText()}",
        _ => throw new InvalidOperationException("unreachable"),
    };

    private static string Describe(Condition? condition) => condition is null
        ? "-"
        : condition.Match(b => $"Boolean({b})", e => $"Expression({e.Expr})", m => $"Mode({m})", u => $"Unknown({u.GetRawText()})");

    private static string Describe(DescriptionText? text) => text is null
        ? "-"
        : text.Match(s => $"String({s})", e => $"Expression({e.Expr})", u => $"Unknown({u.GetRawText()})");
}
