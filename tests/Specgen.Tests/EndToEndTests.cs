using Specgen.Runtime;
using Vercel;
using Vercel.Emulator;
using Vercel.Sample;
using Xunit;

namespace Specgen.Tests;

/// <summary>The generated client against the emulator, over real HTTP on 127.0.0.1.</summary>
public class EndToEndTests
{
    [Fact]
    public async Task Sample_workflow_creates_a_free_and_a_paid_store()
    {
        await using var emulator = await VercelEmulator.StartAsync();
        using var http = new HttpClient();
        var client = new VercelClient(http, new ApiClientOptions { AccessToken = EmulatorSeed.Token, BaseAddress = emulator.BaseAddress });
        var output = new StringWriter();

        var result = await Workflow.RunAsync(client, output, EmulatorSeed.TeamId, createStores: true, CancellationToken.None);

        Assert.Equal(2, result.Stores.Count);
        Assert.Equal(EmulatorSeed.FreePlanId, result.Stores[0].BillingPlan!.Id);
        Assert.Equal(EmulatorSeed.PaidPlanId, result.Stores[1].BillingPlan!.Id);
        Assert.All(result.Stores, store => Assert.Equal(StoreStatus.Available, store.Status));
        Assert.All(result.Stores, store => Assert.NotEmpty(store.Secrets));
        Assert.Equal(2, emulator.Stores.Count);
        Assert.Contains("Created store store_", output.ToString());
        Assert.Contains("metadata controls:", output.ToString());
    }

    [Fact]
    public async Task The_caller_s_teams_are_read_page_by_page_from_the_emulator()
    {
        // GET /v2/teams pages with pagination.next sent back as until: three teams, two a page.
        await using var emulator = await VercelEmulator.StartAsync();
        var client = new VercelClient(new ApiClientOptions { AccessToken = EmulatorSeed.Token, BaseAddress = emulator.BaseAddress });

        var slugs = new List<string>();
        await foreach (var team in client.Teams.GetAllTeamsAsync(limit: 2))
        {
            slugs.Add(Assert.IsType<GetTeamsResponseTeam.Team>(team).Value.Slug);
        }

        Assert.Equal([EmulatorSeed.TeamSlug, "acme-data-labs", "side-projects"], slugs);
        Assert.Equal(2, emulator.RequestCount);
    }

    [Fact]
    public async Task The_seed_request_creates_a_store_with_the_bearer_token()
    {
        await using var emulator = await VercelEmulator.StartAsync();
        using var http = new HttpClient();
        var client = new VercelClient(http, new ApiClientOptions { AccessToken = EmulatorSeed.Token, BaseAddress = emulator.BaseAddress });

        var created = await client.Integrations.CreateIntegrationStoreDirectAsync(
            new CreateIntegrationStoreDirectRequest
            {
                Name = "my-dev-database",
                IntegrationConfigurationId = EmulatorSeed.AdminConfigurationId,
                IntegrationProductIdOrSlug = EmulatorSeed.FreeProductId,
            },
            teamId: EmulatorSeed.TeamId);

        Assert.Equal(EmulatorSeed.FreePlanId, created.Store!.BillingPlan!.Id);
        Assert.Contains("\"source\":\"marketplace\"", Assert.Single(emulator.ReceivedBodies));
    }

    [Theory]
    [InlineData(EmulatorSeed.MemberConfigurationId, EmulatorSeed.FreeProductId, 403, "forbidden", typeof(ForbiddenException))]
    [InlineData("icfg_unknown1", EmulatorSeed.FreeProductId, 404, "not_found", typeof(NotFoundException))]
    [InlineData(EmulatorSeed.AdminConfigurationId, EmulatorSeed.PaidProductId, 400, "no_free_plan", typeof(BadRequestException))]
    public async Task Errors_become_typed_ApiExceptions_with_vercel_code_message_and_request_id(string configurationId, string product, int status, string code, Type expected)
    {
        await using var emulator = await VercelEmulator.StartAsync();
        using var http = new HttpClient();
        var client = new VercelClient(http, new ApiClientOptions { AccessToken = EmulatorSeed.Token, BaseAddress = emulator.BaseAddress });

        var error = await Assert.ThrowsAnyAsync<ApiException>(() => client.Integrations.CreateIntegrationStoreDirectAsync(new CreateIntegrationStoreDirectRequest
        {
            Name = "db",
            IntegrationConfigurationId = configurationId,
            IntegrationProductIdOrSlug = product,
        }));

        Assert.IsType(expected, error);
        Assert.Equal(status, error.StatusCode);
        Assert.Equal(code, error.ErrorCode);
        Assert.False(string.IsNullOrEmpty(error.RequestId));
        Assert.False(string.IsNullOrEmpty(error.ErrorMessage));
        Assert.Equal("POST", error.Method);
        Assert.Equal("/v1/storage/stores/integration/direct", error.Path);
        Assert.DoesNotContain(EmulatorSeed.Token, error.ToString());
    }

    [Fact]
    public async Task A_missing_token_fails_before_sending_and_a_wrong_one_is_a_401()
    {
        // The spec secures the operation with bearerToken: without one nothing is sent.
        await using var emulator = await VercelEmulator.StartAsync();
        using var http = new HttpClient();
        var anonymous = new VercelClient(http, new ApiClientOptions { BaseAddress = emulator.BaseAddress });
        var wrong = new VercelClient(http, new ApiClientOptions { BaseAddress = emulator.BaseAddress, AccessToken = "not-a-token" });

        var missing = await Assert.ThrowsAsync<MissingCredentialsException>(() => anonymous.Integrations.GetConfigurationsAsync(View.Account));
        var error = await Assert.ThrowsAsync<UnauthorizedException>(() => wrong.Integrations.GetConfigurationsAsync(View.Account));

        Assert.Contains("'bearerToken' (a bearer token)", missing.Message, StringComparison.Ordinal);
        Assert.Equal(401, error.StatusCode);
    }

    [Fact]
    public async Task The_sample_error_tour_shows_each_error_kind_the_emulator_can_provoke()
    {
        await using var emulator = await VercelEmulator.StartAsync();
        using var http = new HttpClient();
        var output = new StringWriter();

        var seen = await Vercel.Sample.ErrorTour.RunAsync(emulator, http, output, CancellationToken.None);

        Assert.Equal(["BadRequestException", "ForbiddenException", "NotFoundException", "RateLimitedException", "RequestValidationException"], seen);
        Assert.Contains("$.name: longer than 128 characters", output.ToString(), StringComparison.Ordinal);
    }
}
