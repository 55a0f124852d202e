using Specgen.Tests.Infrastructure;
using Xunit;

namespace Specgen.Tests.Frameworks;

/// <summary>
/// What frameworks write for their own types, read as those types (Reading/FrameworkDialects): the
/// shapes in small documents, so each rule is pinned apart from the live apps.
/// </summary>
public class DialectTests
{
    private static readonly Lazy<CompiledSpec> Spec = new(() => CompiledSpec.Load(InlineSpec.Generate("""
        openapi: 3.1.0
        info: { title: Dialects, version: "1" }
        paths:
          /things:
            get:
              operationId: listThings
              parameters:
                - { name: page, in: query, schema: { type: [integer, string], format: int32, pattern: '^-?(?:0|[1-9]\d*)$' } }
              responses:
                "200":
                  description: The thing.
                  content:
                    application/json:
                      schema: { $ref: "#/components/schemas/Thing" }
        components:
          schemas:
            Thing:
              type: object
              properties:
                count: { type: [integer, string], format: int32, pattern: '^-?(?:0|[1-9]\d*)$' }
                views: { type: [integer, string], pattern: '^-?(?:0|[1-9]\d*)$' }
                maybe: { type: ["null", integer, string], format: int64, pattern: '^-?(?:0|[1-9]\d*)$' }
                price: { type: [number, string], format: double, pattern: '^-?(?:0|[1-9]\d*)(?:\.\d+)?$' }
                ratio: { type: [number, string], format: double, pattern: '^-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?$' }
                legacy: { format: float, pattern: '^-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?$' }
                id: { type: [string, integer] }
                code: { type: [integer, string], pattern: '^[A-Z]+$' }
                length: { type: string, pattern: '^-?(\d+\.)?\d{2}:\d{2}:\d{2}(\.\d{1,7})?$' }
                span: { type: string, format: date-span }
        """), "dialects"));

    [Theory]
    [InlineData("Count", typeof(int?))]
    [InlineData("Views", typeof(long?))]
    [InlineData("Maybe", typeof(long?))]
    [InlineData("Price", typeof(decimal?))]
    [InlineData("Ratio", typeof(double?))]
    [InlineData("Legacy", typeof(float?))]
    [InlineData("Length", typeof(TimeSpan?))]
    [InlineData("Span", typeof(TimeSpan?))]
    public void A_number_or_duration_as_frameworks_write_it_is_that_type(string member, Type expected) =>
        Assert.Equal(expected, Spec.Value.Type("Thing").GetProperty(member)!.PropertyType);

    [Fact]
    public void A_number_query_parameter_written_as_text_is_the_number() =>
        Assert.Equal(typeof(int?), Spec.Value.Type("DialectsClient").GetMethod("ListThingsAsync")!.GetParameters()[0].ParameterType);

    [Theory]
    [InlineData("Id")]
    [InlineData("Code")]
    public void A_string_or_integer_without_a_numeric_format_or_pattern_stays_a_union(string member) =>
        Assert.NotNull(Spec.Value.Type("Thing").GetProperty(member)!.PropertyType.GetNestedType("Integer"));

    [Fact]
    public void A_duration_reads_and_writes_in_dotnets_constant_format()
    {
        var thing = Spec.Value.Read("Thing", """{"length":"1.02:03:04.5000000","span":"-00:30:00","count":"7"}""");
        Assert.Equal(new TimeSpan(1, 2, 3, 4, 500), CompiledSpec.Get(thing, "Length"));
        Assert.Equal(TimeSpan.FromMinutes(-30), CompiledSpec.Get(thing, "Span"));
        Assert.Equal("""{"count":7,"length":"1.02:03:04.5000000","span":"-00:30:00"}""", Spec.Value.Write("Thing", thing));
    }
}
