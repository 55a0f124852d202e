using System.Reflection;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;
using Specgen.Runtime;
using Specgen.Tests.Infrastructure;
using Vercel;
using Xunit;

namespace Specgen.Tests;

/// <summary>
/// The generated JSON context and converters: the same wire format as plain <c>JsonSerializer</c>, with
/// metadata that needs no reflection (the NativeAOT sample proves it compiled; these prove the behaviour).
/// </summary>
public class ReflectionFreeJsonTests
{
    private static readonly Type[] GeneratedTypes = typeof(VercelClient).Assembly.GetTypes()
        .Where(t => t.Namespace == "Vercel" && !t.IsNested && t.GetCustomAttribute<JsonConverterAttribute>() is not null)
        .ToArray();

    [Fact]
    public void An_enum_is_a_dictionary_key_by_its_wire_value_known_or_not()
    {
        var options = new JsonSerializerOptions { TypeInfoResolver = JsonTypeInfoResolver.Combine(VercelJson.Default, new DefaultJsonTypeInfoResolver()) };
        var levels = new Dictionary<Level, int> { [Level.Error] = 1, [new Level("later")] = 2 };

        var json = JsonSerializer.Serialize(levels, options);

        Assert.Equal("""{"error":1,"later":2}""", json);
        var back = JsonSerializer.Deserialize<Dictionary<Level, int>>(json, options)!;
        Assert.Equal(1, back[Level.Error]);
        Assert.Equal(2, back[new Level("later")]);
    }

    [Fact]
    public void The_context_reads_and_writes_a_store_response_as_the_server_sent_it()
    {
        var json = Fixtures.Read("store-response.json");

        var response = JsonSerializer.Deserialize(json, VercelJson.Default.CreateIntegrationStoreDirectResponse)!;
        var written = JsonSerializer.Serialize(response, VercelJson.Default.CreateIntegrationStoreDirectResponse);

        Assert.Equal("available", response.Store!.Status!.Value.Value);
        JsonAssert.Equivalent(json, written);
        Assert.Equal(JsonSerializer.Serialize(response), written);
    }

    [Fact]
    public void The_context_writes_a_request_exactly_as_plain_JsonSerializer_does()
    {
        var request = new CreateIntegrationStoreDirectRequest
        {
            Name = "db",
            IntegrationConfigurationId = "icfg_1",
            IntegrationProductIdOrSlug = "iap_1",
            Metadata = new Dictionary<string, MetadataValue> { ["region"] = "iad1", ["replicas"] = 2, ["tags"] = new[] { "a", "b" } },
        };

        var written = JsonSerializer.Serialize(request, VercelJson.Default.CreateIntegrationStoreDirectRequest);

        Assert.Equal("""{"name":"db","integrationConfigurationId":"icfg_1","integrationProductIdOrSlug":"iap_1","metadata":{"region":"iad1","replicas":2,"tags":["a","b"]},"source":"marketplace"}""", written);
        Assert.Equal(JsonSerializer.Serialize(request), written);
    }

    [Fact]
    public void A_missing_required_member_is_an_error_that_names_it_when_reading_strictly()
    {
        var json = JsonNode.Parse(Fixtures.Read("store-response.json"))!;
        json["store"]!.AsObject().Remove("externalResourceId");
        var strict = new VercelJson(Specgen.Runtime.Infrastructure.JsonRead.Strict(new JsonSerializerOptions()));

        var lenient = JsonSerializer.Deserialize(json.ToJsonString(), VercelJson.Default.CreateIntegrationStoreDirectResponse)!;
        var error = Assert.Throws<JsonException>(() => JsonSerializer.Deserialize(json.ToJsonString(), strict.CreateIntegrationStoreDirectResponse));

        Assert.Throws<Specgen.Runtime.MemberUnavailableException>(() => lenient.Store!.ExternalResourceId);

        Assert.Contains("'externalResourceId'", error.Message, StringComparison.Ordinal);
        Assert.Contains("Store", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_value_of_the_wrong_kind_is_a_JsonException_not_a_crash()
    {
        var json = JsonNode.Parse(Fixtures.Read("store-response.json"))!;
        json["store"]!["usageQuotaExceeded"] = "yes";

        Assert.Throws<JsonException>(() => JsonSerializer.Deserialize(json.ToJsonString(), VercelJson.Default.CreateIntegrationStoreDirectResponse));
    }

    [Fact]
    public void A_union_case_is_found_wherever_its_discriminator_is_in_the_object()
    {
        // ui:control last, unknown members first: the lookahead scans past them.
        const string Toggle = """{"extra":[1,{"type":"string"}],"type":"boolean","description":"Persistence","ui:label":"Persistence","ui:control":"toggle"}""";

        var control = JsonSerializer.Deserialize(Toggle, VercelJson.Default.MetadataControl)!;

        Assert.True(control.IsBooleanToggle);
        JsonAssert.Equivalent(Toggle, JsonSerializer.Serialize(control, VercelJson.Default.MetadataControl));
    }

    [Fact]
    public void A_union_value_that_passes_a_case_test_but_does_not_fit_the_case_is_kept_as_unknown()
    {
        // Says it is a toggle, but ui:label must be a string.
        const string Broken = """{"type":"boolean","ui:control":"toggle","ui:label":42}""";

        var control = JsonSerializer.Deserialize(Broken, VercelJson.Default.MetadataControl)!;

        Assert.True(control.IsUnknown);
        Assert.Equal(Broken, JsonSerializer.Serialize(control, VercelJson.Default.MetadataControl));
    }

    [Fact]
    public void Every_generated_type_has_a_context_property_whose_metadata_is_its_own_converter()
    {
        Assert.True(GeneratedTypes.Length > 50, $"only {GeneratedTypes.Length} generated types");
        foreach (var type in GeneratedTypes)
        {
            var property = typeof(VercelJson).GetProperty(type.Name);
            Assert.True(property is not null, $"VercelJson has no property for {type.Name}");
            var info = (JsonTypeInfo)property.GetValue(VercelJson.Default)!;

            // The options keep it: every read of the property is the same metadata.
            Assert.Same(info, property.GetValue(VercelJson.Default));
            Assert.Equal(type, info.Type);
            // A value converter: no properties or constructors found by reflection.
            Assert.Equal(JsonTypeInfoKind.None, info.Kind);
            Assert.Equal(typeof(Specgen.Runtime.Infrastructure.JsonValueConverter<>).MakeGenericType(type), info.Converter.GetType());
        }
    }

    [Fact]
    public void The_context_serves_other_options_through_a_resolver_chain_and_nothing_it_does_not_know()
    {
        var options = new JsonSerializerOptions { WriteIndented = true };
        options.TypeInfoResolverChain.Add(VercelJson.Default);

        var info = options.GetTypeInfo(typeof(StoreStatus));
        var written = JsonSerializer.Serialize(new Plan { Id = "bp_1", Type = "prepayment", Name = "Pro", Scope = "installation", Description = "d", PaymentMethodRequired = false }, options);

        Assert.Same(options, info.Options);
        Assert.Contains("\n", written, StringComparison.Ordinal);
        Assert.Null(VercelJson.Default.GetTypeInfo(typeof(Uri)));
    }

    [Fact]
    public async Task The_client_sends_bodies_with_the_options_the_caller_gave()
    {
        await using var server = await ScriptedServer.StartAsync((context, _) =>
            ScriptedServer.Reply(context, 200, Fixtures.Read("store-response.json")));
        using var http = new HttpClient();
        var client = new VercelClient(http, new ApiClientOptions { AccessToken = "t", BaseAddress = server.BaseAddress, JsonOptions = new JsonSerializerOptions { WriteIndented = true } });

        var response = await client.Integrations.CreateIntegrationStoreDirectAsync(new CreateIntegrationStoreDirectRequest
        {
            Name = "db",
            IntegrationConfigurationId = "icfg_1",
            IntegrationProductIdOrSlug = "iap_1",
        });

        var body = server.Requests.Single().Body;
        Assert.StartsWith("{\n  \"name\": \"db\"", body.ReplaceLineEndings("\n"), StringComparison.Ordinal);
        Assert.NotNull(response.Store);
    }
}
