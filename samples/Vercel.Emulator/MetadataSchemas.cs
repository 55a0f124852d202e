using System.Text.Json.Nodes;

namespace Vercel.Emulator;

/// <summary>
/// The products' metadataSchema objects. Together they use every variant of the spec's
/// <c>metadataSchema.properties</c> oneOf (input string/number, toggle, slider, select, multi-select,
/// vercel-region, multi-vercel-region, domain and the variant with only <c>value</c>) and every form
/// of the small unions: ui:disabled / ui:hidden / ui:read-only as a boolean, as <c>{expr}</c>, as
/// "update" and as "create"; ui:description as a string and as <c>{expr}</c>.
/// </summary>
internal static class MetadataSchemas
{
    /// <summary>The branded-type property the products response's schema requires where it wants a branded value.</summary>
    public const string ProductsBrand = "__@BRAND@647815";

    /// <summary>The same, as the createIntegrationStoreDirect response's schema spells it.</summary>
    public const string StoreBrand = "__@BRAND@8675";

    /// <summary>Postgres (free product): vercel-region, select, number input, toggle, multi-select.</summary>
    public static JsonObject Postgres() => Schema(["region", "version"],
        ("region", new JsonObject
        {
            ["type"] = "string",
            ["ui:control"] = "vercel-region",
            ["ui:label"] = "Primary region",
            ["ui:description"] = "Where the database runs; pick the region closest to your functions.",
            ["ui:read-only"] = "update",
            ["default"] = "iad1",
            ["ui:options"] = new JsonArray(
                Option("iad1", "Washington, D.C., USA (iad1)"),
                Option("fra1", "Frankfurt, Germany (fra1)"),
                Option("sfo1", "San Francisco, USA (sfo1)"),
                Option("hnd1", "Tokyo, Japan (hnd1)", disabled: true)),
        }),
        ("version", new JsonObject
        {
            ["type"] = "string",
            ["ui:control"] = "select",
            ["ui:label"] = "Postgres version",
            ["ui:disabled"] = "update",
            ["default"] = "17",
            ["ui:options"] = new JsonArray(
                Option("17", "Postgres 17"),
                Option("16", "Postgres 16"),
                Option("15", "Postgres 15 (legacy)", hidden: Expr("plan.id == 'bp_postgres_hobby'"))),
        }),
        ("storageSizeGb", new JsonObject
        {
            ["type"] = "number",
            ["ui:control"] = "input",
            ["ui:label"] = "Storage (GB)",
            ["description"] = "Provisioned storage in gigabytes.",
            ["ui:description"] = Expr("plan.id == 'bp_postgres_hobby' ? 'The Hobby plan includes 0.5 GB' : 'Up to 512 GB'"),
            ["ui:disabled"] = Expr("plan.id == 'bp_postgres_hobby'"),
            ["ui:formatted-value"] = Expr("value + ' GB'"),
            ["ui:placeholder"] = "10",
            ["minimum"] = 0.5,
            ["maximum"] = 512,
            ["default"] = 10,
        }),
        ("highAvailability", new JsonObject
        {
            ["type"] = "boolean",
            ["ui:control"] = "toggle",
            ["ui:label"] = "High availability",
            ["description"] = "Adds a standby in a second availability zone.",
            ["ui:hidden"] = Expr("plan.id == 'bp_postgres_hobby'"),
            ["ui:read-only"] = false,
            ["default"] = false,
        }),
        ("extensions", new JsonObject
        {
            ["type"] = "array",
            ["ui:control"] = "multi-select",
            ["ui:label"] = "Extensions",
            ["items"] = new JsonObject { ["type"] = "string", ["enum"] = new JsonArray("pgvector", "postgis", "pg_trgm") },
            ["ui:options"] = new JsonArray(Option("pgvector", "pgvector"), Option("postgis", "PostGIS"), Option("pg_trgm", "pg_trgm")),
            ["minItems"] = 0,
            ["maxItems"] = 3,
            ["default"] = new JsonArray("pgvector"),
            ["example"] = new JsonArray("pgvector", "pg_trgm"),
        }));

    /// <summary>Redis (paid product): select, slider, multi-vercel-region, domain, toggle.</summary>
    public static JsonObject Redis() => Schema(["evictionPolicy"],
        ("evictionPolicy", new JsonObject
        {
            ["type"] = "string",
            ["ui:control"] = "select",
            ["ui:label"] = "Eviction policy",
            ["ui:placeholder"] = "Choose a policy",
            ["default"] = "allkeys-lru",
            ["ui:options"] = new JsonArray(
                Option("noeviction", "No eviction"),
                Option("allkeys-lru", "Evict least recently used keys"),
                Option("volatile-ttl", "Evict keys closest to expiry", disabled: Expr("plan.id == 'bp_redis_starter'"))),
        }),
        ("replicas", new JsonObject
        {
            ["type"] = "array",
            ["ui:control"] = "slider",
            ["ui:label"] = "Read replicas",
            ["ui:description"] = "Read replicas serve reads close to your users.",
            ["ui:read-only"] = Expr("plan.id == 'bp_redis_starter'"),
            ["ui:formatted-value"] = Expr("value[0] + ' replicas'"),
            ["ui:steps"] = new JsonArray(0, 1, 2, 3),
            ["items"] = new JsonObject { ["type"] = "number", ["minimum"] = 0, ["maximum"] = 3, ["default"] = 1 },
            ["minItems"] = 1,
            ["maxItems"] = 1,
            ["default"] = new JsonArray(1),
        }),
        // The store response's schema has no multi-vercel-region variant: ForStore drops this field.
        ("replicaRegions", new JsonObject
        {
            ["type"] = "array",
            ["ui:control"] = "multi-vercel-region",
            ["ui:label"] = "Replica regions",
            ["ui:hidden"] = "update",
            ["items"] = new JsonObject { ["type"] = "string" },
            ["minItems"] = 0,
            ["maxItems"] = 2,
            ["ui:options"] = new JsonArray(
                Option("iad1", "Washington, D.C., USA (iad1)"),
                Option("cdg1", "Paris, France (cdg1)", hidden: "create"),
                // The spec's other two option shapes (branded types that leaked into the schema).
                new JsonObject { [ProductsBrand] = new JsonObject() },
                new JsonObject { ["value"] = new JsonObject { [ProductsBrand] = new JsonObject() }, ["disabled"] = true }),
        }),
        ("customDomain", new JsonObject
        {
            ["type"] = "string",
            ["ui:control"] = "domain",
            ["ui:label"] = "Custom domain",
            ["ui:placeholder"] = "cache.example.com",
            ["ui:hidden"] = "create",
            ["ui:disabled"] = true,
        }),
        ("persistence", new JsonObject
        {
            ["type"] = "boolean",
            ["ui:control"] = "toggle",
            ["ui:label"] = "Persistence (AOF)",
            ["ui:description"] = "Write every change to disk.",
            ["ui:disabled"] = "create",
            ["ui:read-only"] = "create",
            ["ui:hidden"] = false,
            ["default"] = true,
        }));

    /// <summary>Vector (prepayment product): string input, number input, vercel-region, value-only variant.</summary>
    public static JsonObject Vector() => Schema(["indexName", "dimensions"],
        ("indexName", new JsonObject
        {
            ["type"] = "string",
            ["ui:control"] = "input",
            ["ui:label"] = "Index name",
            ["description"] = "Name of the first index.",
            ["ui:placeholder"] = "main",
            ["ui:read-only"] = "update",
            ["ui:disabled"] = false,
            ["ui:hidden"] = false,
            ["default"] = "main",
        }),
        ("dimensions", new JsonObject
        {
            ["type"] = "number",
            ["ui:control"] = "input",
            ["ui:label"] = "Vector dimensions",
            ["ui:read-only"] = true,
            ["exclusiveMinimum"] = 0,
            ["exclusiveMaximum"] = 4097,
            ["default"] = 1536,
        }),
        ("region", new JsonObject
        {
            ["type"] = "string",
            ["ui:control"] = "vercel-region",
            ["ui:label"] = "Region",
            ["default"] = "fra1",
            ["ui:options"] = new JsonArray(Option("iad1", "Washington, D.C., USA (iad1)"), Option("fra1", "Frankfurt, Germany (fra1)")),
        }),
        // The spec's tenth variant: no type or ui:control, only a (branded) `value`.
        ("tier", new JsonObject
        {
            ["value"] = new JsonObject { [ProductsBrand] = new JsonObject() },
            ["disabled"] = Expr("true"),
            ["hidden"] = true,
        }));

    /// <summary>
    /// The metadataSchema as store.product carries it: the store schema knows no multi-vercel-region
    /// variant, so those fields are dropped, and its branded-type property has another name.
    /// </summary>
    public static JsonObject ForStore(JsonObject schema)
    {
        var properties = schema["properties"]!.AsObject();
        foreach (var (name, field) in properties.ToList())
        {
            if ((string?)field!["ui:control"] == "multi-vercel-region")
            {
                properties.Remove(name);
                if (schema["required"] is JsonArray required && required.FirstOrDefault(r => (string?)r == name) is { } entry)
                {
                    required.Remove(entry);
                }
            }
            else if (field["value"] is JsonObject)
            {
                field["value"] = new JsonObject { [StoreBrand] = new JsonObject() };
            }
        }
        return schema;
    }

    private static JsonObject Schema(string[] required, params (string Name, JsonObject Field)[] fields)
    {
        var properties = new JsonObject();
        foreach (var (name, field) in fields)
        {
            properties[name] = field;
        }

        return new JsonObject
        {
            ["type"] = "object",
            ["properties"] = properties,
            ["required"] = new JsonArray(required.Select(r => (JsonNode)r).ToArray()),
        };
    }

    private static JsonObject Expr(string expression) => new() { ["expr"] = expression };

    private static JsonObject Option(string value, string label, JsonNode? disabled = null, JsonNode? hidden = null)
    {
        var option = new JsonObject { ["value"] = value, ["label"] = label };
        if (disabled is not null)
        {
            option["disabled"] = disabled;
        }

        if (hidden is not null)
        {
            option["hidden"] = hidden;
        }

        return option;
    }
}
