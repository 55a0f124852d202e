using Specgen.Tests.Infrastructure;
using Xunit;

namespace Specgen.Tests;

/// <summary>
/// allOf is the type its parts agree on: one type plus parts that only describe it (AWS's
/// <c>allOf: [{$ref: GuidString}, {description: …}]</c>) is that type with the description; only
/// objects merge into a record.
/// </summary>
public class AllOfTests
{
    private static readonly Lazy<CompiledSpec> Spec = new(() => CompiledSpec.Compile("allof-annotations.yaml"));

    private static Type MemberType(string name) =>
        Spec.Value.Type("Pipeline").GetProperty(name)?.PropertyType ?? throw new InvalidOperationException(name);

    [Fact]
    public void A_type_with_annotation_parts_is_that_type()
    {
        Assert.Equal(typeof(string), MemberType("MediaPipelineId"));
        Assert.Equal(typeof(IReadOnlyList<string>), MemberType("Tags"));
        Assert.Equal(typeof(Nullable<>).MakeGenericType(Spec.Value.Type("Level")), MemberType("Level"));
        Assert.Equal(Spec.Value.Type("Owner"), MemberType("Owner"));
        Assert.Equal(typeof(long?), MemberType("Size"));
        Assert.Equal(typeof(string), MemberType("Note"));
    }

    [Fact]
    public void Objects_still_merge_into_a_record()
    {
        var extended = MemberType("Extended");

        Assert.NotEqual(Spec.Value.Type("Owner"), extended);
        Assert.NotNull(extended.GetProperty("Login"));
        Assert.NotNull(extended.GetProperty("Team"));
    }

    [Fact]
    public void A_part_that_only_requires_members_is_not_an_annotation()
    {
        var signed = MemberType("Signed");

        Assert.NotEqual(Spec.Value.Type("Owner"), signed);
        Assert.Contains(signed.GetProperty("Login")!.CustomAttributes, a => a.AttributeType.Name == "RequiredMemberAttribute");
    }

    [Fact]
    public void The_annotation_parts_document_and_constrain_the_member()
    {
        var pipeline = Spec.Value.Run.SourceOf("Pipeline");

        Assert.Contains("/// <summary>The pipeline's id.</summary>", pipeline);
        Assert.Contains("/// <summary>How loud it is.</summary>", pipeline);
        Assert.Contains("Minimum: 1.", pipeline);
        Assert.Contains("[global::System.Obsolete", pipeline);
    }

    [Fact]
    public void A_response_with_such_members_reads_and_round_trips()
    {
        const string json = """{"MediaPipelineId":"0f9a-11","Tags":["a","b"],"Level":"high","Owner":{"login":"me"},"Size":3,"Note":"n","Extended":{"login":"x","team":"y"}}""";

        var pipeline = Spec.Value.Read("Pipeline", json);

        Assert.Equal("0f9a-11", CompiledSpec.Get(pipeline, "MediaPipelineId"));
        JsonAssert.Equivalent(json, Spec.Value.Write("Pipeline", pipeline));
    }
}
