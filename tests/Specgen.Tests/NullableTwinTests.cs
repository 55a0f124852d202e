using System.Reflection;
using Specgen.Tests.Infrastructure;
using Xunit;

namespace Specgen.Tests;

/// <summary>
/// A component that is another one made nullable (<c>nullable-simple-user</c> beside <c>simple-user</c>, as GitHub's
/// description has fifteen of) is that type, nullable where it is used: one <c>SimpleUser</c>, not a second record
/// with the same members. A look-alike that differs in anything but its nullability and docs stays a type of its own.
/// </summary>
public class NullableTwinTests
{
    private const string Components30 = """
        components:
          schemas:
            simple-user:
              title: Simple User
              description: A GitHub user.
              type: object
              required: [login]
              properties:
                login: { type: string }
                id: { type: integer }
            nullable-simple-user:
              title: Simple User
              description: A GitHub user.
              type: object
              nullable: true
              required: [login]
              properties:
                login: { type: string }
                id: { type: integer }
            team:
              type: object
              properties:
                name: { type: string }
            nullable-team:
              type: object
              nullable: true
              properties:
                name: { type: string }
                parent: { type: string }
            issue:
              type: object
              required: [assignee, author]
              properties:
                assignee: { $ref: '#/components/schemas/nullable-simple-user' }
                author: { $ref: '#/components/schemas/simple-user' }
                assignees:
                  type: array
                  items: { $ref: '#/components/schemas/nullable-simple-user' }
                team: { $ref: '#/components/schemas/nullable-team' }
        """;

    private static string Spec(string version, string components) => $$"""
        openapi: {{version}}
        info: { title: Twins, version: '1' }
        paths:
          /issue:
            get:
              operationId: getIssue
              responses:
                '200':
                  description: The issue.
                  content:
                    application/json:
                      schema: { $ref: '#/components/schemas/issue' }
        {{components}}
        """;

    private static readonly Lazy<CompiledSpec> OpenApi30 = new(() => Compile("twins30.yaml", Spec("3.0.3", Components30)));

    private static readonly Lazy<CompiledSpec> OpenApi31 = new(() => Compile("twins31.yaml", Spec("3.1.0",
        Components30.Replace("type: object\n      nullable: true", "type: [object, 'null']", StringComparison.Ordinal))));

    private static CompiledSpec Compile(string name, string text) =>
        CompiledSpec.Load(GeneratorHarness.Run(new SpecFile("Specs/" + name, text, "Fixture", ClientName: null)), name);

    public static TheoryData<string> Versions => new() { "3.0", "3.1" };

    private static CompiledSpec Of(string version) => version == "3.0" ? OpenApi30.Value : OpenApi31.Value;

    [Theory]
    [MemberData(nameof(Versions))]
    public void The_nullable_twin_is_the_same_type_nullable_where_it_is_used(string version)
    {
        var spec = Of(version);
        Assert.Null(spec.Assembly.GetType("Fixture.NullableSimpleUser"));

        var issue = spec.Type("Issue");
        var user = spec.Type("SimpleUser");
        var nullability = new NullabilityInfoContext();
        var assignee = issue.GetProperty("Assignee")!;
        Assert.Equal(user, assignee.PropertyType);
        Assert.Equal(NullabilityState.Nullable, nullability.Create(assignee).ReadState);
        var author = issue.GetProperty("Author")!;
        Assert.Equal(user, author.PropertyType);
        Assert.Equal(NullabilityState.NotNull, nullability.Create(author).ReadState);
        // (A list's items carry no nullability of their own in Specgen's types, twin or not; a null item reads as null.)
        Assert.Equal(user, issue.GetProperty("Assignees")!.PropertyType.GetGenericArguments()[0]);
    }

    [Theory]
    [MemberData(nameof(Versions))]
    public void A_look_alike_that_differs_in_a_member_stays_a_type_of_its_own(string version)
    {
        var spec = Of(version);
        Assert.Equal(spec.Type("NullableTeam"), spec.Type("Issue").GetProperty("Team")!.PropertyType);
        Assert.NotNull(spec.Type("NullableTeam").GetProperty("Parent"));
    }

    [Theory]
    [MemberData(nameof(Versions))]
    public void A_null_and_a_user_read_and_write_back_as_sent(string version)
    {
        var spec = Of(version);
        const string json = """{"assignee":null,"author":{"login":"ada","id":1},"assignees":[{"login":"bob"},null]}""";

        var issue = spec.Read("Issue", json);

        Assert.Null(CompiledSpec.Get(issue, "Assignee"));
        Assert.Equal("SimpleUser", CompiledSpec.CaseOf(CompiledSpec.Get(issue, "Author")!));
        Assert.Equal(json, spec.Write("Issue", issue));
    }
}
