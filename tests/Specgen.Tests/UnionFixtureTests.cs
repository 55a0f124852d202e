using Microsoft.CodeAnalysis;
using Specgen.Tests.Infrastructure;
using Xunit;

namespace Specgen.Tests;

/// <summary>
/// Each way a union's converter can tell variants apart, on a small spec of its own: the JSON is
/// read into the generated types, lands in the expected case, and is written back unchanged.
/// </summary>
public class UnionFixtureTests
{
    private static readonly Lazy<CompiledSpec> Pets = new(() => CompiledSpec.Compile("pets-discriminator.yaml"));
    private static readonly Lazy<CompiledSpec> Shapes = new(() => CompiledSpec.Compile("shapes-inferred.yaml"));
    private static readonly Lazy<CompiledSpec> Primitives = new(() => CompiledSpec.Compile("primitives.yaml"));
    private static readonly Lazy<CompiledSpec> Ambiguous = new(() => CompiledSpec.Compile("ambiguous.yaml"));
    private static readonly Lazy<CompiledSpec> Composition = new(() => CompiledSpec.Compile("composition.yaml"));
    private static readonly Lazy<CompiledSpec> Pages = new(() => CompiledSpec.Compile("pages.yaml"));

    [Theory]
    [InlineData("""{"points":[1,2]}""", "GetStatsResponse.StatsAvailable")]
    [InlineData("""{"reason":"warming up"}""", "GetStatsResponse.StatsUnavailable")]
    public void A_discriminator_no_variant_declares_is_not_used(string json, string expectedCase)
    {
        var stats = Pages.Value.Read("GetStatsResponse", json);

        Assert.Equal(expectedCase, CompiledSpec.CaseOf(stats));
        JsonAssert.Equivalent(json, Pages.Value.Write("GetStatsResponse", stats));
    }

    [Theory]
    [InlineData("""{"slug":"intro","title":"Intro","type":"basic"}""", false)]
    [InlineData("""{"slug":"get-pet","title":"Get a pet","type":"endpoint"}""", false)]
    [InlineData("""{"title":"Docs","type":"link","url":"https://example.com"}""", true)]
    public void A_variant_that_declares_the_discriminator_with_other_values_owns_them(string json, bool isLink)
    {
        var spec = Pages.Value;
        var union = spec.Type("ListPagesResponseItem");

        var page = spec.Read("ListPagesResponseItem", json);

        Assert.NotEqual("Unknown", page.GetType().Name);
        Assert.Equal(isLink, page.GetType().Name.Contains("Link", StringComparison.Ordinal));
        Assert.Equal(union, page.GetType().BaseType);
        JsonAssert.Equivalent(json, spec.Write("ListPagesResponseItem", page));
    }

    [Theory]
    [InlineData("""{"petType":"cat","name":"Tom","livesLeft":9}""", "Pet.Cat")]
    [InlineData("""{"petType":"dog","name":"Rex","goodBoy":true}""", "Pet.Dog")]
    [InlineData("""{"petType":"Lizard","name":"Liz"}""", "Pet.Lizard")]
    [InlineData("""{"petType":"parrot","name":"Polly"}""", "Pet.Unknown")]
    [InlineData("""{"name":"no discriminator"}""", "Pet.Unknown")]
    public void Explicit_discriminator_uses_the_mapping_and_the_schema_name(string json, string expectedCase)
    {
        var spec = Pets.Value;

        var pet = spec.Read("Pet", json);

        Assert.Equal(expectedCase, CompiledSpec.CaseOf(pet));
        JsonAssert.Equivalent(json, spec.Write("Pet", pet));
        Assert.DoesNotContain(spec.Run.Diagnostics, d => d.Id == "SPECGEN006");
    }

    [Fact]
    public void Explicit_discriminator_case_exposes_the_typed_record()
    {
        var pet = Pets.Value.Read("Pet", """{"petType":"cat","name":"Tom","livesLeft":9,"whiskers":12}""");

        var cat = CompiledSpec.Get(pet, "Value")!;

        Assert.Equal("Tom", CompiledSpec.Get(cat, "Name"));
        Assert.Equal(9L, CompiledSpec.Get(cat, "LivesLeft"));
        var extra = (IDictionary<string, System.Text.Json.JsonElement>)CompiledSpec.Get(cat, "AdditionalProperties")!;
        Assert.Equal(12, extra["whiskers"].GetInt32());
    }

    [Theory]
    [InlineData("""{"kind":"circle","radius":2.5}""", "ListShapesResponseItem.Circle")]
    [InlineData("""{"kind":"rectangle","width":3,"height":4}""", "ListShapesResponseItem.Rectangle")]
    [InlineData("""{"kind":"triangle","sides":[3,4,5]}""", "ListShapesResponseItem.Unknown")]
    public void Inferred_discriminator_picks_the_case_by_constant_values(string json, string expectedCase)
    {
        var spec = Shapes.Value;

        var shape = spec.Read("ListShapesResponseItem", json);

        Assert.Equal(expectedCase, CompiledSpec.CaseOf(shape));
        JsonAssert.Equivalent(json, spec.Write("ListShapesResponseItem", shape));
    }

    [Theory]
    [InlineData("\"text\"", "ValuesValue.String")]
    [InlineData("42", "ValuesValue.Integer")]
    [InlineData("true", "ValuesValue.Boolean")]
    [InlineData("false", "ValuesValue.Boolean")]
    [InlineData("""["a","b"]""", "ValuesValue.StringList")]
    [InlineData("[]", "ValuesValue.StringList")]
    [InlineData("""{"from":1,"to":2}""", "ValuesValue.FromTo")]
    [InlineData("1.5", "ValuesValue.Unknown")]
    [InlineData("""{"other":1}""", "ValuesValue.Unknown")]
    [InlineData("""[1,2]""", "ValuesValue.Unknown")]
    public void Primitive_union_is_told_apart_by_the_json_value_kind(string json, string expectedCase)
    {
        var spec = Primitives.Value;

        var value = spec.Read("ValuesValue", json);

        Assert.Equal(expectedCase, CompiledSpec.CaseOf(value));
        JsonAssert.Equivalent(json, spec.Write("ValuesValue", value));
    }

    [Fact]
    public void Ambiguous_union_is_a_located_warning_naming_the_variants()
    {
        var run = Ambiguous.Value.Run;

        var diagnostic = Assert.Single(run.Diagnostics, d => d.Id == "SPECGEN006");
        Assert.Equal(DiagnosticSeverity.Warning, diagnostic.DefaultSeverity);
        var message = diagnostic.GetMessage(System.Globalization.CultureInfo.InvariantCulture);
        Assert.Contains("Email", message, StringComparison.Ordinal);
        Assert.Contains("Phone", message, StringComparison.Ordinal);
        var span = diagnostic.Location.GetLineSpan();
        Assert.EndsWith("ambiguous.yaml", span.Path, StringComparison.Ordinal);
        Assert.Equal((19, 21), (span.StartLinePosition.Line + 1, span.StartLinePosition.Character + 1)); // the oneOf: key
    }

    [Fact]
    public void Ambiguous_union_keeps_the_raw_json_and_reads_it_on_request()
    {
        var spec = Ambiguous.Value;
        const string json = """{"value":"+44 20 7946 0000","country":"GB"}""";

        var contact = spec.Read("Contact", json);

        JsonAssert.Equivalent(json, spec.Write("Contact", contact));
        var tryAsPhone = contact.GetType().GetMethod("TryAsPhone")!;
        var arguments = new object?[] { null };
        Assert.True((bool)tryAsPhone.Invoke(contact, arguments)!);
        Assert.Equal("GB", CompiledSpec.Get(arguments[0]!, "Country"));
        Assert.Null(contact.GetType().GetMethod("Match"));
    }

    [Fact]
    public void AllOf_composes_one_record_with_exact_required_and_nullable_members()
    {
        var item = Composition.Value.Type("Item");

        var properties = item.GetProperties().Select(p => p.Name).ToList();
        Assert.Equal(["Id", "DeletedAt", "Name", "Note", "Size", "AdditionalProperties"], properties);
        Assert.True(IsRequired(item, "Id"));
        Assert.True(IsRequired(item, "DeletedAt"));
        Assert.True(IsRequired(item, "Name"));
        Assert.False(IsRequired(item, "Note"));
        Assert.Equal(typeof(long?), item.GetProperty("Size")!.PropertyType);
    }

    [Fact]
    public void Absent_members_stay_absent_and_nulls_stay_null()
    {
        var spec = Composition.Value;
        var item = Activator.CreateInstance(spec.Type("Item"))!;
        // As an object initializer does: C# makes the caller set every required member, null included.
        item.GetType().GetProperty("Id")!.SetValue(item, "i_1");
        item.GetType().GetProperty("DeletedAt")!.SetValue(item, null);
        item.GetType().GetProperty("Name")!.SetValue(item, "thing");

        Assert.Equal("""{"id":"i_1","deletedAt":null,"name":"thing"}""", spec.Write("Item", item));

        // A server's explicit null is written back as null, even where the spec allows none.
        const string json = """{"id":"i_2","deletedAt":null,"name":"n","size":null}""";
        var read = spec.Read("Item", json);
        Assert.Equal(json, spec.Write("Item", read));
    }

    private static bool IsRequired(Type type, string property) =>
        type.GetProperty(property)!.CustomAttributes.Any(a => a.AttributeType.Name == "RequiredMemberAttribute");

}

/// <summary>
/// A discriminated union read from a value without its discriminator (GitHub's own examples of <c>/user</c>
/// leave out <c>user_view_type</c>): the cases' required properties tell them apart; an unknown value stays Unknown.
/// </summary>
public class DiscriminatorFallbackTests
{
    private static readonly Lazy<CompiledSpec> Spec = new(() => CompiledSpec.Load(InlineSpec.Generate("""
        openapi: 3.0.3
        info: { title: Users, version: "1" }
        paths:
          /user:
            get:
              operationId: getUser
              responses:
                "200":
                  description: The user.
                  content:
                    application/json:
                      schema: { $ref: "#/components/schemas/User" }
        components:
          schemas:
            User:
              oneOf:
                - { $ref: "#/components/schemas/PrivateUser" }
                - { $ref: "#/components/schemas/PublicUser" }
              discriminator:
                propertyName: view
                mapping: { private: "#/components/schemas/PrivateUser", public: "#/components/schemas/PublicUser" }
            PublicUser:
              type: object
              required: [login]
              properties:
                login: { type: string }
                view: { type: string }
            PrivateUser:
              type: object
              required: [login, disk_usage]
              properties:
                login: { type: string }
                disk_usage: { type: integer }
                view: { type: string }
        """), "discriminator-fallback"));

    [Theory]
    [InlineData("""{"login":"ada","disk_usage":7}""", "User.Private")]
    [InlineData("""{"login":"ada"}""", "User.Public")]
    [InlineData("""{"login":"ada","view":"public","disk_usage":7}""", "User.Public")]
    [InlineData("""{"login":"ada","view":"robot"}""", "User.Unknown")]
    public void A_value_without_its_discriminator_is_the_case_its_required_members_say(string json, string expected)
    {
        var user = Spec.Value.Read("User", json);

        Assert.Equal(expected, CompiledSpec.CaseOf(user));
        Assert.Equal(json, Spec.Value.Write("User", user));
    }
}
