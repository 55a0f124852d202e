using System.Globalization;
using System.Text.Json.Nodes;
using static Vercel.Emulator.EmulatorSeed;

namespace Vercel.Emulator;

/// <summary>A team the token's user belongs to, shaped as the spec's Team (getTeams).</summary>
internal sealed record SeedTeam(string Id, string Slug, string Name, long CreatedAt, string Role)
{
    public JsonObject ToJson() => new()
    {
        ["id"] = Id,
        ["slug"] = Slug,
        ["name"] = Name,
        ["avatar"] = null,
        ["creatorId"] = "user_emulator0admin",
        ["createdAt"] = CreatedAt,
        ["updatedAt"] = CreatedAt,
        ["description"] = null,
        ["stagingPrefix"] = Slug,
        ["membership"] = new JsonObject { ["role"] = Role, ["confirmed"] = true, ["createdAt"] = CreatedAt, ["teamId"] = Id },
    };
}

/// <summary>A billing plan, shaped as the spec's plan object (getBillingPlans and store.billingPlan).</summary>
internal sealed record SeedPlan(
    string Id, string Name, string Type, string Description, string Cost, bool PaymentMethodRequired,
    (string Label, string Value)[] Details, bool IsFree = false,
    string? MinimumAmount = null, string? MaximumAmount = null, string? InitialCharge = null)
{
    /// <summary>A prepayment plan whose amount the caller chooses (prepaymentAmountCents).</summary>
    public bool HasVariableAmount => Type == "prepayment" && MinimumAmount is not null;

    public long MinimumCents => ToCents(MinimumAmount);
    public long MaximumCents => ToCents(MaximumAmount);

    private static long ToCents(string? dollars) =>
        dollars is null ? 0 : (long)(decimal.Parse(dollars, CultureInfo.InvariantCulture) * 100);

    public JsonObject ToJson()
    {
        var plan = new JsonObject
        {
            ["type"] = Type,
            ["description"] = Description,
            ["id"] = Id,
            ["name"] = Name,
            ["scope"] = "resource",
            ["paymentMethodRequired"] = PaymentMethodRequired,
            ["cost"] = Cost,
            ["details"] = DetailArray(Details),
            ["highlightedDetails"] = DetailArray(Details[..1]),
            ["effectiveDate"] = "2025-01-01T00:00:00.000Z",
            ["disabled"] = false,
        };
        if (InitialCharge is not null)
        {
            plan["initialCharge"] = InitialCharge;
        }

        if (MinimumAmount is not null)
        {
            plan["minimumAmount"] = MinimumAmount;
        }

        if (MaximumAmount is not null)
        {
            plan["maximumAmount"] = MaximumAmount;
            plan["maximumAmountAutoPurchasePerPeriod"] = MaximumAmount;
        }
        return plan;
    }

    private static JsonArray DetailArray(IEnumerable<(string Label, string Value)> details) =>
        new(details.Select(d => (JsonNode)new JsonObject { ["label"] = d.Label, ["value"] = d.Value }).ToArray());
}

/// <summary>An integration product with its plans, secrets and metadata schema.</summary>
internal sealed record SeedProduct(
    string Id, string Slug, string Name, string ShortDescription, string[] Tags,
    SeedPlan[] Plans, (string Name, int Length)[] Secrets, Func<JsonObject> MetadataSchema,
    bool AiProtocol = false)
{
    public bool Matches(string idOrSlug) => idOrSlug == Id || idOrSlug == Slug;

    /// <summary>The product as getConfigurationProducts lists it.</summary>
    public JsonObject ToJson()
    {
        var protocols = new JsonObject
        {
            ["storage"] = new JsonObject
            {
                ["status"] = "enabled",
                ["repl"] = new JsonObject { ["enabled"] = true, ["supportsReadOnlyMode"] = true, ["welcomeMessage"] = $"Connected to {Name}" },
            },
        };
        if (AiProtocol)
        {
            protocols["ai"] = new JsonObject { ["status"] = "enabled" };
        }

        return new JsonObject
        {
            ["id"] = Id,
            ["slug"] = Slug,
            ["name"] = Name,
            ["protocols"] = protocols,
            ["primaryProtocol"] = "storage",
            ["metadataSchema"] = MetadataSchema(),
        };
    }

    /// <summary>The product as store.product carries it in the createIntegrationStoreDirect response.</summary>
    public JsonObject ToStoreJson() => new()
    {
        ["id"] = Id,
        ["name"] = Name,
        ["slug"] = Slug,
        ["iconUrl"] = $"https://acme-data.example.com/icons/{Slug}.png",
        ["capabilities"] = new JsonObject
        {
            ["mcp"] = false, ["sso"] = true, ["billable"] = true, ["transferable"] = false,
            ["secretsSync"] = true, ["sandbox"] = false, ["linking"] = false, ["projects"] = true,
        },
        ["shortDescription"] = ShortDescription,
        ["metadataSchema"] = MetadataSchemas.ForStore(MetadataSchema()),
        ["resourceLinks"] = new JsonArray(new JsonObject { ["href"] = $"https://acme-data.example.com/docs/{Slug}", ["title"] = "Documentation" }),
        ["tags"] = new JsonArray(Tags.Select(t => (JsonNode)t).ToArray()),
        ["projectConnectionScopes"] = new JsonArray("read:project", "read-write:project-env-vars"),
        ["showSSOLinkOnProjectConnection"] = true,
        ["disableResourceRenaming"] = false,
        // The spec requires `value`, typed as a TypeScript branded type that leaked into the schema.
        ["value"] = new JsonObject { [MetadataSchemas.StoreBrand] = new JsonObject() },
    };
}

/// <summary>An installation of the integration in the team.</summary>
internal sealed record SeedConfiguration(string Id, bool CallerIsAdmin, string UserId, string[]? Projects)
{
    public JsonObject ToJson()
    {
        var configuration = new JsonObject
        {
            ["integration"] = new JsonObject
            {
                ["name"] = SeedData.IntegrationName,
                ["icon"] = "https://acme-data.example.com/icon.png",
                ["isLegacy"] = false,
                ["flags"] = new JsonArray(),
                ["tagIds"] = new JsonArray("tag_databases", "tag_ai"),
            },
            ["completedAt"] = 1735689660000,
            ["createdAt"] = 1735689600000,
            ["id"] = Id,
            ["integrationId"] = IntegrationId,
            ["ownerId"] = TeamId,
            ["source"] = "marketplace",
            ["slug"] = IntegrationSlug,
            ["teamId"] = TeamId,
            ["type"] = "integration-configuration",
            ["updatedAt"] = 1735689660000,
            ["userId"] = UserId,
            ["scopes"] = new JsonArray("read:project", "read-write:integration-resource"),
            ["installationType"] = "marketplace",
        };
        if (Projects is not null)
        {
            configuration["projects"] = new JsonArray(Projects.Select(p => (JsonNode)p).ToArray());
        }

        return configuration;
    }
}

/// <summary>The emulator's seeded, read-only data.</summary>
internal static class SeedData
{
    public const string IntegrationName = "Acme Data";

    /// <summary>The caller's teams, newest first by creation time (milliseconds since 1970).</summary>
    public static readonly SeedTeam[] Teams =
    [
        new(TeamId, TeamSlug, "My Team", 1764547200000, "OWNER"),
        new("team_acmeDataLabs00000000000", "acme-data-labs", "Acme Data Labs", 1740787200000, "MEMBER"),
        new("team_sideProjects0000000000", "side-projects", "Side Projects", 1719792000000, "DEVELOPER"),
    ];

    public static readonly SeedConfiguration[] Configurations =
    [
        new(AdminConfigurationId, CallerIsAdmin: true, UserId: "usrAdmin0Emulator000000001", Projects: null),
        new(MemberConfigurationId, CallerIsAdmin: false, UserId: "usrMember0Emulator00000002", Projects: ["prj_emulator0Project0000000001"]),
    ];

    public static readonly SeedProduct[] Products =
    [
        new(FreeProductId, FreeProductSlug, "Acme Postgres", "Serverless Postgres with a free hobby tier.",
            ["storage", "postgres", "tag_databases"],
            [
                new(FreePlanId, "Hobby", "subscription", "Free Postgres for side projects: 0.5 GB storage.", "Free",
                    PaymentMethodRequired: false, [("Storage", "0.5 GB"), ("Compute", "Shared")], IsFree: true),
                new(FreeProductPaidPlanId, "Pro", "subscription", "Production Postgres: 10 GB storage included.", "$19.00/month",
                    PaymentMethodRequired: true, [("Storage", "10 GB included"), ("Compute", "2 vCPU")]),
            ],
            [("POSTGRES_URL", 132), ("POSTGRES_HOST", 41), ("POSTGRES_USER", 12), ("POSTGRES_PASSWORD", 32)],
            MetadataSchemas.Postgres),
        new(PaidProductId, PaidProductSlug, "Acme Redis", "Managed Redis with read replicas.",
            ["storage", "redis", "tag_databases"],
            [
                new(PaidPlanId, "Starter", "subscription", "1 GB Redis, billed to the team's default payment method.", "$10.00/month",
                    PaymentMethodRequired: false, [("Memory", "1 GB"), ("Replicas", "Up to 1")]),
                new(PaymentMethodRequiredPlanId, "Pro", "subscription", "5 GB Redis with up to 3 read replicas.", "$50.00/month",
                    PaymentMethodRequired: true, [("Memory", "5 GB"), ("Replicas", "Up to 3")]),
            ],
            [("REDIS_URL", 96), ("REDIS_TOKEN", 64)],
            MetadataSchemas.Redis),
        new(PrepaymentProductId, PrepaymentProductSlug, "Acme Vector", "Vector search index paid with prepaid credits.",
            ["storage", "vector", "ai", "tag_ai"],
            [
                new(PrepaymentPlanId, "Credits", "prepayment", "Prepaid credits; choose an amount between $5 and $1,000.", "$0.10 per 1,000 queries",
                    PaymentMethodRequired: false, [("Queries", "$0.10 per 1,000"), ("Storage", "$0.25 per GB-month")],
                    MinimumAmount: "5.00", MaximumAmount: "1000.00"),
                new(FixedPrepaymentPlanId, "Credits pack", "prepayment", "A fixed $25 credit pack.", "$25.00",
                    PaymentMethodRequired: false, [("Credits", "$25.00")], InitialCharge: "25.00"),
            ],
            [("VECTOR_URL", 58), ("VECTOR_API_KEY", 48)],
            MetadataSchemas.Vector, AiProtocol: true),
    ];

    public static SeedConfiguration? FindConfiguration(string id) => Configurations.FirstOrDefault(c => c.Id == id);

    public static SeedProduct? FindProduct(string idOrSlug) => Products.FirstOrDefault(p => p.Matches(idOrSlug));

    public static bool IsIntegration(string idOrSlug) => idOrSlug is IntegrationId or IntegrationSlug;

    public static JsonObject IntegrationJson() =>
        new() { ["id"] = IntegrationId, ["slug"] = IntegrationSlug, ["name"] = IntegrationName };
}
