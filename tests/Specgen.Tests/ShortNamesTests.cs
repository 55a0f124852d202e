using Specgen.Generator.Modelling;
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
}
