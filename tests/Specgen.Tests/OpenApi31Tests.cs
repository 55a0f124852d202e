using Specgen.Tests.Infrastructure;
using Xunit;

namespace Specgen.Tests;

/// <summary>OpenAPI 3.1's schema forms (openapi31.yaml): type lists, const, $defs, typed additionalProperties beside properties, prefixItems.</summary>
public class OpenApi31Tests
{
    private static readonly Lazy<CompiledSpec> Spec = new(() => CompiledSpec.Compile("openapi31.yaml"));

    private const string Json = """{"kind":"thing","id":42,"label":null,"weight":1.5,"size":"m","point":[1,2],"labels":{"en":"box","de":"Kiste"},"counts":{"total":3,"red":1}}""";

    [Theory]
    [InlineData("Label", typeof(string))]
    [InlineData("Weight", typeof(double))]
    [InlineData("Size", null)]
    [InlineData("Point", typeof(IReadOnlyList<double>))]
    public void Each_form_gives_the_type_it_describes(string member, Type? expected)
    {
        var type = Spec.Value.Type("Thing").GetProperty(member)!.PropertyType;
        type = Nullable.GetUnderlyingType(type) ?? type;

        Assert.Equal(expected ?? Spec.Value.Type("Size"), type);
    }

    [Theory]
    [InlineData("42", "Integer")]
    [InlineData("\"t-1\"", "String")]
    public void A_type_list_of_scalars_is_a_union_told_apart_by_the_value_kind(string id, string expectedCase)
    {
        var json = Json.Replace("\"id\":42", "\"id\":" + id, StringComparison.Ordinal);

        var thing = Spec.Value.Read("Thing", json);

        Assert.EndsWith("." + expectedCase, CompiledSpec.CaseOf(CompiledSpec.Get(thing, "Id")!), StringComparison.Ordinal);
        Assert.Equal(json, Spec.Value.Write("Thing", thing));
    }

    [Theory]
    [InlineData("""{"note":null,"format":null}""")]
    [InlineData("""{"note":"n","format":"mlx"}""")]
    public void Nullable_and_a_null_in_an_enum_allow_null_in_a_3_1_document_too(string json)
    {
        var legacy = Spec.Value.Read("Legacy", json);

        Assert.Equal(json.Contains("\"n\"", StringComparison.Ordinal) ? "n" : null, CompiledSpec.Get(legacy, "Note"));
        Assert.Equal(json.Contains("mlx", StringComparison.Ordinal), CompiledSpec.Get(legacy, "Format") is not null);
        Assert.Equal(json, Spec.Value.Write("Legacy", legacy));
        // The enum's values are those it names: the null it lists is no value of its own.
        Assert.Equal(["Gguf", "Mlx"], Spec.Value.Type("Format").GetNestedType("Values")!.GetFields().Select(f => f.Name));
    }

    [Fact]
    public void A_path_that_refers_to_components_pathItems_gets_its_operations()
    {
        var run = InlineSpec.Generate("""
            openapi: 3.1.0
            info: {title: T, version: '1'}
            paths:
              /users:
                $ref: '#/components/pathItems/users'
            components:
              pathItems:
                users:
                  get:
                    operationId: listUsers
                    responses:
                      '200':
                        description: The users.
                        content:
                          application/json:
                            schema: {type: array, items: {type: string}}
                  post:
                    operationId: createUser
                    responses:
                      '204': {description: Created.}
            """);

        InlineSpec.AssertCompiles(run);
        Assert.Equal(["CreateUserAsync", "ListUsersAsync"], WholeApi.ClientMethods(run, "Fixture.TClient").Order(StringComparer.Ordinal));
    }

    [Theory]
    [InlineData("File", typeof(Specgen.Runtime.FilePart))]
    [InlineData("Pages", typeof(IReadOnlyList<Specgen.Runtime.FilePart>))]
    [InlineData("Thumbnail", typeof(string))]
    public void A_string_with_a_contentMediaType_is_a_file_and_one_with_a_contentEncoding_is_its_text(string member, Type expected)
    {
        var type = Spec.Value.Type("AttachRequest").GetProperty(member)!.PropertyType;

        Assert.Equal(expected, type);
    }

    [Fact]
    public async Task A_file_s_contentMediaType_is_its_part_s_media_type()
    {
        await using var server = await ScriptedServer.StartAsync((context, _) => ScriptedServer.Reply(context, 204, string.Empty));
        var client = Activator.CreateInstance(Spec.Value.Type("FormsClient"), new HttpClient { BaseAddress = server.BaseAddress }, new Specgen.Runtime.ApiClientOptions())!;
        var form = Activator.CreateInstance(Spec.Value.Type("AttachRequest"))!;
        form.GetType().GetProperty("File")!.SetValue(form, new Specgen.Runtime.FilePart("%PDF"u8.ToArray(), "a.pdf"));
        form.GetType().GetProperty("Thumbnail")!.SetValue(form, "iVBORw0K");
        form.GetType().GetProperty("Pages")!.SetValue(form, new[] { new Specgen.Runtime.FilePart("PNG"u8.ToArray(), "p1.png") });

        await CompiledSpec.CallAsync(client, "AttachAsync", "t1", form, CancellationToken.None);

        var body = Assert.Single(server.Requests).Body;
        Assert.Contains("name=\"file\"; filename=\"a.pdf\"\r\nContent-Type: application/pdf\r\n\r\n%PDF\r\n", body, StringComparison.Ordinal);
        Assert.Contains("name=\"thumbnail\"\r\n\r\niVBORw0K\r\n", body, StringComparison.Ordinal);
        Assert.Contains("name=\"pages\"; filename=\"p1.png\"\r\nContent-Type: image/png\r\n\r\nPNG\r\n", body, StringComparison.Ordinal);
    }

    [Fact]
    public void Additional_properties_beside_properties_have_their_type()
    {
        var thing = Spec.Value.Read("Thing", Json);

        var labels = CompiledSpec.Get(thing, "Labels")!;
        Assert.Equal("box", CompiledSpec.Get(labels, "En"));
        Assert.Equal("Kiste", ((IDictionary<string, string>)CompiledSpec.Get(labels, "AdditionalProperties")!)["de"]);
        var counts = CompiledSpec.Get(thing, "Counts")!;
        Assert.Equal(1L, ((IDictionary<string, long>)CompiledSpec.Get(counts, "AdditionalProperties")!)["red"]);
        Assert.Equal(Json, Spec.Value.Write("Thing", thing));
    }

    [Fact]
    public void A_const_member_is_set_for_the_caller()
    {
        var thing = Activator.CreateInstance(Spec.Value.Type("Thing"))!;

        Assert.Equal("thing", CompiledSpec.Get(thing, "Kind"));
    }

    [Fact]
    public void A_tuple_is_reported_where_it_is()
    {
        var warning = Assert.Single(Spec.Value.Run.Diagnostics, d => d.Id == "SPECGEN005");

        Assert.Contains("A tuple (prefixItems)", warning.GetMessage(), StringComparison.Ordinal);
        Assert.Contains("list of its items' type", warning.GetMessage(), StringComparison.Ordinal);
        Assert.Equal(66, warning.Location.GetLineSpan().StartLinePosition.Line + 1);
    }
}
