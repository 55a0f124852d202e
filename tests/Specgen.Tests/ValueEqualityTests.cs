using Specgen.Tests.Infrastructure;
using Xunit;

namespace Specgen.Tests;

/// <summary>
/// Generated records and unions compare by content (issue 32, item 4): two reads of the same JSON are equal,
/// <c>==</c> and <c>GetHashCode</c> agree with <c>Equals</c>; lists compare item by item, maps in any order, JSON
/// by what it says. Presence counts: two records are equal when the same members are on the wire with equal
/// values (absent and null differ) and their unknown members are equal as JSON.
/// </summary>
public class ValueEqualityTests
{
    private static readonly Lazy<CompiledSpec> Spec = new(() => CompiledSpec.Compile("values.yaml"));

    private const string Full =
        """
        {"id":"t1","note":null,"tags":["a","b"],"grid":[[1,2],[3]],"labels":{"x":"1","y":"2"},"groups":{"g":["a"],"h":[]},
         "parts":[{"name":"p","sizes":[1.5,2]}],"data":{"k":[1,{"z":true}]},"payload":"AQID","seen":["2024-05-01T12:30:00Z"],
         "shape":{"kind":"Circle","radius":2,"marks":[1,2]},"value":[1,2,3],"contact":{"value":"me@example.com"},"more":{"a":1,"b":[true]}}
        """;

    private static object Thing(string json) => Spec.Value.Read("Thing", json);

    /// <summary>Equal every way a caller can ask: <c>Equals</c> both ways, <c>==</c>, not <c>!=</c>, the same hash, one entry in a set.</summary>
    private static void AssertEqual(object a, object b)
    {
        Assert.NotSame(a, b);
        Assert.True(a.Equals(b), $"{a} should equal {b}");
        Assert.True(b.Equals(a));
        Assert.True(Operator(a, b, "op_Equality"));
        Assert.False(Operator(a, b, "op_Inequality"));
        Assert.Equal(a.GetHashCode(), b.GetHashCode());
        Assert.Single(new HashSet<object> { a, b });
    }

    private static void AssertNotEqual(object a, object b)
    {
        Assert.False(a.Equals(b), $"{a} should not equal {b}");
        Assert.False(b.Equals(a));
        Assert.False(Operator(a, b, "op_Equality"));
        Assert.True(Operator(a, b, "op_Inequality"));
        Assert.Equal(2, new HashSet<object> { a, b }.Count);
    }

    /// <summary>Calls the operator the compiler would for a C# <c>a == b</c> on the declared type (a union case's is its union's).</summary>
    private static bool Operator(object a, object b, string name)
    {
        for (var type = a.GetType(); type is not null; type = type.BaseType)
        {
            if (type.GetMethod(name, [type, type]) is { } method)
            {
                return (bool)method.Invoke(null, [a, b])!;
            }
        }

        throw new InvalidOperationException($"{a.GetType()} has no {name}");
    }

    private static string With(string member, string json) =>
        Full.Replace(Between(member), $"\"{member}\":{json}", StringComparison.Ordinal);

    /// <summary>The <c>"member":value</c> text of <see cref="Full"/> (values there hold no <c>",\""</c> at their level).</summary>
    private static string Between(string member)
    {
        var start = Full.IndexOf($"\"{member}\":", StringComparison.Ordinal);
        var depth = 0;
        for (var i = start + member.Length + 3; i < Full.Length; i++)
        {
            depth += Full[i] is '[' or '{' ? 1 : Full[i] is ']' or '}' ? -1 : 0;
            if (depth < 0 || (depth == 0 && Full[i] == ','))
            {
                return Full[start..i];
            }
        }

        throw new InvalidOperationException(member);
    }

    [Fact]
    public void Two_reads_of_the_same_json_are_equal_lists_maps_records_json_and_unions_inside_included()
    {
        AssertEqual(Thing(Full), Thing(Full));
    }

    [Theory]
    [InlineData("tags", """["a","c"]""")]
    [InlineData("tags", """["b","a"]""")]
    [InlineData("grid", "[[1,2],[4]]")]
    [InlineData("grid", "[[1,2],[3],[]]")]
    [InlineData("labels", """{"x":"1","y":"3"}""")]
    [InlineData("labels", """{"x":"1","z":"2"}""")]
    [InlineData("groups", """{"g":["b"],"h":[]}""")]
    [InlineData("parts", """[{"name":"p","sizes":[1.5,3]}]""")]
    [InlineData("data", """{"k":[1,{"z":false}]}""")]
    [InlineData("payload", "\"AQIE\"")]
    [InlineData("seen", """["2024-05-01T12:30:01Z"]""")]
    [InlineData("shape", """{"kind":"Circle","radius":2,"marks":[1,3]}""")]
    [InlineData("shape", """{"kind":"Square","side":2}""")]
    [InlineData("value", "[1,2]")]
    [InlineData("value", "\"1,2,3\"")]
    [InlineData("contact", """{"value":"you@example.com"}""")]
    [InlineData("more", """{"a":1,"b":[false]}""")]
    public void A_difference_anywhere_inside_makes_them_unequal(string member, string json)
    {
        AssertNotEqual(Thing(Full), Thing(With(member, json)));
    }

    [Theory]
    [InlineData("labels", """{"y":"2","x":"1"}""")]
    [InlineData("groups", """{"h":[],"g":["a"]}""")]
    [InlineData("data", """{"k":[1.0,{"z":true}]}""")]
    [InlineData("more", """{"b":[true],"a":1.0}""")]
    [InlineData("contact", """{ "value" : "me@example.com" }""")]
    public void Maps_and_json_compare_by_content_whatever_their_order_or_spelling(string member, string json)
    {
        AssertEqual(Thing(Full), Thing(With(member, json)));
    }

    [Fact]
    public void Absent_and_explicit_null_are_different_values()
    {
        // They are different JSON, and a round trip keeps them apart: equality does too.
        AssertNotEqual(Thing("""{"id":"t1","note":null}"""), Thing("""{"id":"t1"}"""));
        AssertEqual(Thing("""{"id":"t1","note":null}"""), Thing("""{"id":"t1","note":null}"""));
    }

    [Fact]
    public void Unknown_members_count_absent_or_not()
    {
        AssertNotEqual(Thing("""{"id":"t1","other":1}"""), Thing("""{"id":"t1"}"""));
        AssertNotEqual(Thing("""{"id":"t1","other":1}"""), Thing("""{"id":"t1","other":2}"""));
        AssertEqual(Thing("""{"id":"t1","other":1,"more":"x"}"""), Thing("""{"more":"x","id":"t1","other":1}"""));
    }

    [Fact]
    public void A_record_built_in_code_equals_the_one_read_when_they_would_write_the_same_json()
    {
        // A member with a default is on the wire once built (its default is sent), not after a read that lacked it.
        var built = Spec.Value.New("Thing", ("Id", "t1"), ("Tags", new List<string> { "a" }));
        AssertEqual(built, Thing("""{"id":"t1","tags":["a"],"priority":3}"""));
        AssertNotEqual(built, Thing("""{"id":"t1","tags":["a"]}"""));

        // Set to null, the member is off the wire, as in a read without it, though the read's field holds the default.
        var cleared = Spec.Value.New("Thing", ("Id", "t1"), ("Tags", new[] { "a" }), ("Priority", null));
        AssertEqual(cleared, Thing("""{"id":"t1","tags":["a"]}"""));
    }

    [Fact]
    public void A_value_kept_as_sent_compares_by_its_json()
    {
        AssertEqual(Thing("""{"id":"t1","seen":["yesterday"]}"""), Thing("""{"id":"t1","seen":["yesterday"]}"""));
        AssertNotEqual(Thing("""{"id":"t1","seen":["yesterday"]}"""), Thing("""{"id":"t1","seen":["today"]}"""));
    }

    [Fact]
    public void Members_of_two_record_types_that_write_the_same_JSON_are_not_equal()
    {
        // A record's Equals compares its members; a subtype's instance seen through its base's Equals has another table.
        static Specgen.Runtime.Infrastructure.RecordShape Table(string type) =>
            new(type, [new Specgen.Runtime.Infrastructure.RecordMember("Name", "name", Specgen.Runtime.Infrastructure.JsonCodec.String, Specgen.Runtime.Infrastructure.RecordMemberFlags.Required)]);
        var part = Table("Part");
        var (a, b, c) = (part.Create(), part.Create(), Table("Label").Create());
        a[0] = b[0] = c[0] = "p";

        Assert.True(Specgen.Runtime.Infrastructure.ValueEquality.Record(a, b));
        Assert.Equal(Specgen.Runtime.Infrastructure.ValueEquality.RecordHash(a), Specgen.Runtime.Infrastructure.ValueEquality.RecordHash(b));
        Assert.False(Specgen.Runtime.Infrastructure.ValueEquality.Record(a, c));
    }

    [Fact]
    public void Union_cases_compare_case_by_case()
    {
        const string Circle = """{"kind":"Circle","radius":2,"marks":[1,2]}""";
        AssertEqual(Spec.Value.Read("Shape", Circle), Spec.Value.Read("Shape", Circle));
        AssertNotEqual(Spec.Value.Read("Shape", Circle), Spec.Value.Read("Shape", """{"kind":"Square","side":2}"""));
        AssertEqual(Spec.Value.Read("Value", "[1,2]"), Spec.Value.Read("Value", "[1,2]"));
        AssertNotEqual(Spec.Value.Read("Value", "[1,2]"), Spec.Value.Read("Value", "[2,1]"));
        AssertEqual(Spec.Value.Read("Value", "\"x\""), Spec.Value.Read("Value", "\"x\""));

        // A case built in code equals the same case read.
        var list = Activator.CreateInstance(Spec.Value.Read("Value", "[]").GetType(), [new long[] { 1, 2 }])!;
        AssertEqual(list, Spec.Value.Read("Value", "[1,2]"));
    }

    [Fact]
    public void Unknown_union_values_compare_by_json_content()
    {
        var triangle = Spec.Value.Read("Shape", """{"kind":"Triangle","sides":[3,4,5],"at":{"x":1,"y":2}}""");
        Assert.Equal("Shape.Unknown", CompiledSpec.CaseOf(triangle));
        AssertEqual(triangle, Spec.Value.Read("Shape", """{"at":{"y":2,"x":1.0},"sides":[3,4,5],"kind":"Triangle"}"""));
        AssertNotEqual(triangle, Spec.Value.Read("Shape", """{"kind":"Triangle","sides":[3,5,4],"at":{"x":1,"y":2}}"""));

        // A union the spec does not tell apart keeps its JSON: compared the same way.
        AssertEqual(Spec.Value.Read("Contact", """{"value":"a","verified":true}"""), Spec.Value.Read("Contact", """{"verified":true,"value":"a"}"""));
        AssertNotEqual(Spec.Value.Read("Contact", """{"value":"a","verified":true}"""), Spec.Value.Read("Contact", """{"value":"a","verified":false}"""));
    }
}
