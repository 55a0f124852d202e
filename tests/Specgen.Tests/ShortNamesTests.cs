using Specgen.Generator.Modelling;
using Specgen.Tests.Infrastructure;
using Xunit;

namespace Specgen.Tests;

/// <summary>How generated type names stay at most 48 characters and never say a run of words twice.</summary>
public class ShortNamesTests
{
    [Theory]
    [InlineData("UserEventPayloadProject", "ProjectMembership", "UserEventPayloadProjectMembership")]
    [InlineData("GetProjectMembersResponse", "Pagination", "GetProjectMembersResponsePagination")]
    [InlineData("ConcurrencyGroup3", "GroupMember", "ConcurrencyGroup3Member")]
    [InlineData("Budget2", "BudgetType", "Budget2Type")]
    public void A_parent_and_a_member_say_their_common_words_once(string parent, string name, string joined) =>
        Assert.Equal(joined, ShortNames.Join(parent, name));

    [Theory]
    [InlineData("CreateDrainRequestFilterFilterVersionFilterTypeDeployment", "CreateDrainRequestFilterTypeDeployment")]
    [InlineData("EnterpriseAdminListSelectedOrganizationsEnabledGithubActionsEnterpriseResponse", "EnterpriseAdminListActionsEnterpriseResponse")]
    [InlineData("UnlimitedUnlimitedSlots", "UnlimitedSlots")]
    [InlineData("GetTeamsResponse", "GetTeamsResponse")]
    [InlineData("Object44SsoProtection", "Object44SsoProtection")]
    public void A_name_loses_repeats_then_connectors_then_middle_words(string name, string shortened)
    {
        var result = ShortNames.Shorten(name);

        Assert.Equal(shortened, result);
        Assert.InRange(result.Length, 1, ShortNames.MaxLength);
        Assert.False(ShortNames.Repeats(result));
    }

    [Fact]
    public void A_schema_name_whose_shorter_form_is_another_schema_s_drops_its_first_saying_instead()
    {
        var alternatives = ShortNames.Alternatives("PullRequestStackPullRequest").ToList();

        Assert.Equal("PullRequestStack", alternatives[0]);
        Assert.Contains("StackPullRequest", alternatives);
        Assert.Equal("PullRequestStackPullRequest", alternatives[^1]);
    }

    [Fact]
    public void Two_schemas_whose_shorter_forms_would_be_the_same_keep_names_of_their_own_and_no_warning()
    {
        // Google's descriptions: long names that differ only in a middle word, which shortening drops from both.
        const string analyze = "GoogleCloudContactcenterinsightsV1BulkAnalyzeConversationsMetadata";
        const string delete = "GoogleCloudContactcenterinsightsV1BulkDeleteConversationsMetadata";
        Assert.Equal(ShortNames.Shorten(analyze), ShortNames.Shorten(delete));
        var yaml = $$"""
            openapi: 3.0.3
            info: { title: T, version: "1" }
            paths:
              /a:
                get:
                  operationId: getA
                  responses:
                    "200":
                      description: ok
                      content:
                        application/json:
                          schema:
                            type: object
                            properties:
                              analyze: { $ref: "#/components/schemas/{{analyze}}" }
                              delete: { $ref: "#/components/schemas/{{delete}}" }
            components:
              schemas:
                {{analyze}}: { type: object, properties: { done: { type: boolean } } }
                {{delete}}: { type: object, properties: { count: { type: integer } } }
            """;

        var run = InlineSpec.Generate(yaml);

        InlineSpec.AssertCompiles(run);
        Assert.DoesNotContain(run.Diagnostics, d => d.Id == "SPECGEN012");
        var names = run.TypesIn("Fixture").Select(t => t.Name).ToList();
        Assert.Contains(analyze, names);
        Assert.Contains(delete, names);
    }
}
