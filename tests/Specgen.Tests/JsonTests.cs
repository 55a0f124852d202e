using System.Text.Json;
using System.Text.Json.Nodes;
using Vercel;
using Xunit;

namespace Specgen.Tests;

/// <summary>The generated types read and write the wire format with plain System.Text.Json and default options.</summary>
public class JsonTests
{
    private const string SeedRequest = """
        {"name":"my-dev-database","integrationConfigurationId":"icfg_cuwj0AdCdH3BwWT4LPijCC7t","integrationProductIdOrSlug":"iap_postgres_db","metadata":{"environment":"development","project":"my-app","tags":["database","postgres"]},"externalId":"dev-db-001","protocolSettings":{"experimentation":{"edgeConfigSyncingEnabled":true}},"source":"api","billingPlanId":"bp_abc123def456","paymentMethodId":"pm_1AbcDefGhiJklMno","prepaymentAmountCents":5000}
        """;

    [Fact]
    public void Seed_request_example_serializes_to_exactly_the_example_json()
    {
        var request = new CreateIntegrationStoreDirectRequest
        {
            Name = "my-dev-database",
            IntegrationConfigurationId = "icfg_cuwj0AdCdH3BwWT4LPijCC7t",
            IntegrationProductIdOrSlug = "iap_postgres_db",
            Metadata = new Dictionary<string, MetadataValue>
            {
                ["environment"] = "development",
                ["project"] = "my-app",
                ["tags"] = new[] { "database", "postgres" },
            },
            ExternalId = "dev-db-001",
            ProtocolSettings = new JsonObject { ["experimentation"] = new JsonObject { ["edgeConfigSyncingEnabled"] = true } },
            Source = "api",
            BillingPlanId = "bp_abc123def456",
            PaymentMethodId = "pm_1AbcDefGhiJklMno",
            PrepaymentAmountCents = 5000,
        };

        Assert.Equal(SeedRequest, JsonSerializer.Serialize(request));
    }

    [Fact]
    public void Seed_request_example_round_trips()
    {
        var request = JsonSerializer.Deserialize<CreateIntegrationStoreDirectRequest>(SeedRequest)!;

        Assert.Equal("api", request.Source?.Value);
        Assert.True(request.Metadata!["tags"].IsStringList);
        Assert.Equal(SeedRequest, JsonSerializer.Serialize(request));
    }

    [Fact]
    public void A_minimal_request_carries_only_what_the_user_set_and_the_spec_default()
    {
        var request = new CreateIntegrationStoreDirectRequest
        {
            Name = "db",
            IntegrationConfigurationId = "icfg_1",
            IntegrationProductIdOrSlug = "iap_1",
        };

        Assert.Equal("""{"name":"db","integrationConfigurationId":"icfg_1","integrationProductIdOrSlug":"iap_1","source":"marketplace"}""", JsonSerializer.Serialize(request));
    }

    [Fact]
    public void A_complete_store_response_round_trips_without_loss()
    {
        var json = Fixtures.Read("store-response.json");

        var response = JsonSerializer.Deserialize<CreateIntegrationStoreDirectResponse>(json)!;
        var written = JsonSerializer.Serialize(response);

        Specgen.Tests.Infrastructure.JsonAssert.Equivalent(json, written);
    }

    [Fact]
    public void A_store_response_without_the_brand_marker_or_with_a_required_member_null_reads()
    {
        var json = JsonNode.Parse(Fixtures.Read("store-response.json"))!;
        var store = json["store"]!.AsObject();
        store["product"]!.AsObject().Remove("value");
        store["externalResourceId"] = null;

        var response = JsonSerializer.Deserialize<CreateIntegrationStoreDirectResponse>(json.ToJsonString())!;

        Assert.Null(response.Store!.Product.Value);
        Assert.False(response.Store.UsageQuotaExceeded);
        var error = Assert.Throws<Specgen.Runtime.MemberUnavailableException>(() => response.Store.ExternalResourceId);
        Assert.Equal("Store.ExternalResourceId has no value: the JSON had null for 'externalResourceId', which the spec does not allow.", error.Message);
        Specgen.Tests.Infrastructure.JsonAssert.Equivalent(json.ToJsonString(), JsonSerializer.Serialize(response));
        Assert.Throws<JsonException>(() => JsonSerializer.Deserialize<CreateIntegrationStoreDirectResponse>(json.ToJsonString(), Specgen.Runtime.Infrastructure.JsonRead.Strict(new JsonSerializerOptions())));
    }

    [Fact]
    public void Unknown_members_enum_values_and_union_variants_survive_a_round_trip()
    {
        var json = JsonNode.Parse(Fixtures.Read("store-response.json"))!;
        var store = json["store"]!.AsObject();
        store["status"] = "hibernating";
        store["brandNewField"] = new JsonObject { ["nested"] = new JsonArray(1, 2, 3) };
        store["product"]!["metadataSchema"]!["properties"]!["color"] = new JsonObject { ["type"] = "string", ["ui:control"] = "color-picker" };

        var response = JsonSerializer.Deserialize<CreateIntegrationStoreDirectResponse>(json.ToJsonString())!;

        Assert.Equal("hibernating", response.Store!.Status!.Value.Value);
        Assert.False(response.Store.Status.Value.IsKnown);
        Assert.True(response.Store.AdditionalProperties!.ContainsKey("brandNewField"));
        Assert.True(response.Store.Product.MetadataSchema!.Properties["color"].IsUnknown);
        Specgen.Tests.Infrastructure.JsonAssert.Equivalent(json.ToJsonString(), JsonSerializer.Serialize(response));
    }

    [Fact]
    public void The_seed_response_example_in_the_spec_round_trips()
    {
        var spec = Specgen.Generator.Reading.YamlReader.Read(File.ReadAllText(Specgen.Tests.Infrastructure.Repository.SpecPath), new Specgen.Generator.Reading.SourceMap("spec.yaml"))!;
        var examples = spec["paths"]!["/v1/storage/stores/integration/direct"]!["post"]!["responses"]!["200"]!["content"]!["application/json"]!["examples"]!.AsObject();
        Assert.NotEmpty(examples);

        foreach (var (name, example) in examples)
        {
            var json = example!["value"]!.ToJsonString();
            var response = JsonSerializer.Deserialize<CreateIntegrationStoreDirectResponse>(json)!;
            var written = JsonSerializer.Serialize(response);
            Specgen.Tests.Infrastructure.JsonAssert.Equivalent(json, written, name);
        }
    }
}
