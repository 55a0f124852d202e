using System.Collections.Concurrent;
using System.Globalization;
using System.Net;
using System.Security.Cryptography;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;

namespace Vercel.Emulator;

/// <summary>Settings of a <see cref="VercelEmulator"/>.</summary>
public sealed class EmulatorOptions
{
    /// <summary>Requests per token per window (<see cref="EmulatorSeed.RateLimitedToken"/> always gets 1).</summary>
    public int RateLimit { get; set; } = 1000;

    /// <summary>Length of the fixed rate-limit window.</summary>
    public TimeSpan RateLimitWindow { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>Port on 127.0.0.1; 0 picks a free port.</summary>
    public int Port { get; set; }
}

/// <summary>A store the emulator created.</summary>
/// <param name="Id">The store id (<c>store_…</c>).</param>
/// <param name="Name">The name from the request.</param>
/// <param name="ConfigurationId">The integration configuration it was created with.</param>
/// <param name="ProductId">The product's id (also when the request used the slug).</param>
/// <param name="BillingPlanId">The plan used (the free plan when the request named none).</param>
/// <param name="Json">The <c>store</c> object as returned.</param>
public sealed record EmulatedStore(string Id, string Name, string ConfigurationId, string ProductId, string BillingPlanId, string Json);

/// <summary>
/// An in-process emulator of four Vercel REST endpoints: getConfigurations, getConfigurationProducts,
/// getBillingPlans and createIntegrationStoreDirect, with bearer auth, per-token rate limits and
/// Vercel-style errors (<c>{"error":{"code","message"}}</c>). Listens on 127.0.0.1 only.
/// </summary>
public sealed class VercelEmulator : IAsyncDisposable
{
    private const string JsonContentType = "application/json";
    private const string BodyKey = "emulator.body";
    private static readonly JsonSerializerOptions JsonOptions = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    private readonly WebApplication app;
    private readonly RateLimiter rateLimiter;
    private readonly ConcurrentQueue<string> receivedBodies = new();
    private readonly ConcurrentQueue<EmulatedStore> stores = new();
    private int requestCount;
    private readonly System.Collections.Concurrent.ConcurrentDictionary<string, byte> connections = new();
    private int disposed;

    private VercelEmulator(WebApplication app, EmulatorOptions options)
    {
        this.app = app;
        rateLimiter = new RateLimiter(options.RateLimit, options.RateLimitWindow);
        app.Use(Pipeline);
        app.MapGet("/v2/teams", ctx => Send(ctx, GetTeams(ctx.Request)));
        app.MapGet("/v1/integrations/configurations", ctx => Send(ctx, GetConfigurations(ctx.Request)));
        app.MapGet("/v1/integrations/configuration/{id}/products", ctx => Send(ctx, GetConfigurationProducts(Route(ctx, "id"))));
        app.MapGet("/v1/integrations/integration/{integrationIdOrSlug}/products/{productIdOrSlug}/plans",
            ctx => Send(ctx, GetBillingPlans(Route(ctx, "integrationIdOrSlug"), Route(ctx, "productIdOrSlug"))));
        app.MapPost("/v1/storage/stores/integration/direct", ctx => Send(ctx, CreateStore((string)ctx.Items[BodyKey]!)));
        app.MapFallback(ctx => Send(ctx, Error(404, "not_found", $"No route for {ctx.Request.Method} {ctx.Request.Path}")));
    }

    /// <summary>Base address of the emulator, e.g. <c>http://127.0.0.1:41234/</c>.</summary>
    public Uri BaseAddress { get; private set; } = null!;

    /// <summary>Requests received so far, on any path, authenticated or not.</summary>
    public int RequestCount => Volatile.Read(ref requestCount);

    /// <summary>How many distinct TCP connections have carried requests (pooling keeps this small).</summary>
    public int ConnectionCount => connections.Count;

    /// <summary>A snapshot of the raw bodies of the POST requests received, in arrival order.</summary>
    public IReadOnlyList<string> ReceivedBodies => receivedBodies.ToArray();

    /// <summary>A snapshot of the stores created so far, in creation order.</summary>
    public IReadOnlyList<EmulatedStore> Stores => stores.ToArray();

    /// <summary>Starts an emulator on 127.0.0.1 and returns once it accepts requests.</summary>
    public static async Task<VercelEmulator> StartAsync(EmulatorOptions? options = null, CancellationToken cancellationToken = default)
    {
        options ??= new EmulatorOptions();
        ArgumentOutOfRangeException.ThrowIfLessThan(options.RateLimit, 1, nameof(options.RateLimit));
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(options.RateLimitWindow, TimeSpan.Zero, nameof(options.RateLimitWindow));
        ArgumentOutOfRangeException.ThrowIfNegative(options.Port, nameof(options.Port));
        ArgumentOutOfRangeException.ThrowIfGreaterThan(options.Port, IPEndPoint.MaxPort, nameof(options.Port));

        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions
        {
            ApplicationName = typeof(VercelEmulator).Assembly.GetName().Name,
            ContentRootPath = AppContext.BaseDirectory,
        });
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        builder.WebHost.UseKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, options.Port));
        // No console lifetime: an in-process emulator must not take over Ctrl+C or SIGTERM of its host.
        builder.Services.AddSingleton<IHostLifetime, PassiveLifetime>();

        var emulator = new VercelEmulator(builder.Build(), options);
        try
        {
            await emulator.app.StartAsync(cancellationToken).ConfigureAwait(false);
        }
        catch
        {
            await emulator.app.DisposeAsync().ConfigureAwait(false);
            throw;
        }
        var address = emulator.app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        emulator.BaseAddress = new Uri(address.TrimEnd('/') + "/");
        return emulator;
    }

    /// <summary>Stops the server.</summary>
    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref disposed, 1) != 0)
        {
            return;
        }

        await app.StopAsync().ConfigureAwait(false);
        await app.DisposeAsync().ConfigureAwait(false);
    }

    /// <summary>Counting, x-vercel-id, body capture, auth and rate limit, in front of every route.</summary>
    private async Task Pipeline(HttpContext ctx, RequestDelegate next)
    {
        Interlocked.Increment(ref requestCount);
        connections.TryAdd(ctx.Connection.Id, 0);
        ctx.Response.Headers["x-vercel-id"] = $"iad1::{RandomId(5)}-{DateTimeOffset.UtcNow.ToUnixTimeMilliseconds()}-{RandomId(12)}";
        if (HttpMethods.IsPost(ctx.Request.Method))
        {
            using var reader = new StreamReader(ctx.Request.Body);
            var body = await reader.ReadToEndAsync(ctx.RequestAborted).ConfigureAwait(false);
            receivedBodies.Enqueue(body);
            ctx.Items[BodyKey] = body;
        }

        if (BearerToken(ctx.Request) is not { } token)
        {
            await Send(ctx, Error(401, "not_authorized", "The request is not authorized: pass a valid token in the Authorization header as 'Bearer <token>'")).ConfigureAwait(false);
            return;
        }

        var limit = rateLimiter.Hit(token);
        var headers = ctx.Response.Headers;
        headers["X-RateLimit-Limit"] = limit.Limit.ToString(CultureInfo.InvariantCulture);
        headers["X-RateLimit-Remaining"] = limit.Remaining.ToString(CultureInfo.InvariantCulture);
        headers["X-RateLimit-Reset"] = limit.ResetUnixSeconds.ToString(CultureInfo.InvariantCulture);
        if (!limit.Allowed)
        {
            headers.RetryAfter = limit.RetryAfterSeconds.ToString(CultureInfo.InvariantCulture);
            await Send(ctx, Error(429, "rate_limited", $"Rate limit exceeded: {limit.Limit} requests per window; retry in {limit.RetryAfterSeconds} seconds")).ConfigureAwait(false);
            return;
        }

        try
        {
            await next(ctx).ConfigureAwait(false);
        }
        catch (Exception) when (!ctx.Response.HasStarted && !ctx.RequestAborted.IsCancellationRequested)
        {
            await Send(ctx, Error(500, "internal_server_error", "The emulator failed to handle the request")).ConfigureAwait(false);
        }
    }

    private static string? BearerToken(HttpRequest request)
    {
        var header = request.Headers.Authorization.ToString();
        if (!header.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase))
        {
            return null;
        }

        var token = header["Bearer ".Length..].Trim();
        return token is EmulatorSeed.Token or EmulatorSeed.RateLimitedToken ? token : null;
    }

    /// <summary>
    /// GET /v2/teams: the teams newest first, <c>limit</c> at a time (20 by default); a page's
    /// <c>pagination.next</c> is its last team's creation time, which the next request sends as <c>until</c>.
    /// </summary>
    private static Reply GetTeams(HttpRequest request)
    {
        var limit = double.TryParse(request.Query["limit"], System.Globalization.CultureInfo.InvariantCulture, out var asked) ? (int)asked : 20;
        var until = double.TryParse(request.Query["until"], System.Globalization.CultureInfo.InvariantCulture, out var before) ? before : double.MaxValue;
        if (limit is < 1 or > 100)
        {
            return Error(400, "bad_request", "limit must be between 1 and 100");
        }

        var older = SeedData.Teams.Where(t => t.CreatedAt < until).OrderByDescending(t => t.CreatedAt).ToList();
        var page = older.Take(limit).ToList();
        return new Reply(200, new JsonObject
        {
            ["teams"] = new JsonArray(page.Select(t => (JsonNode)t.ToJson()).ToArray()),
            ["pagination"] = new JsonObject
            {
                ["count"] = page.Count,
                ["next"] = older.Count > page.Count ? page[^1].CreatedAt : null,
                ["prev"] = null,
            },
        });
    }

    private static Reply GetConfigurations(HttpRequest request)
    {
        var view = request.Query["view"].ToString();
        if (view is not ("account" or "project"))
        {
            return Error(400, "bad_request", "view is required and must be 'account' or 'project'");
        }

        var installationType = request.Query["installationType"].ToString();
        if (installationType is not ("" or "marketplace" or "external"))
        {
            return Error(400, "bad_request", "installationType must be 'marketplace' or 'external'");
        }

        var integration = request.Query["integrationIdOrSlug"].ToString();

        // Every seeded configuration is a marketplace installation of the one integration.
        var matches = installationType is "" or "marketplace" && (integration.Length == 0 || SeedData.IsIntegration(integration));
        var configurations = matches ? SeedData.Configurations.Select(c => (JsonNode)c.ToJson()).ToArray() : [];
        return new Reply(200, new JsonArray(configurations));
    }

    private static Reply GetConfigurationProducts(string configurationId)
    {
        if (SeedData.FindConfiguration(configurationId) is null)
        {
            return Error(404, "not_found", $"Integration configuration {configurationId} was not found");
        }

        return new Reply(200, new JsonObject
        {
            ["products"] = new JsonArray(SeedData.Products.Select(p => (JsonNode)p.ToJson()).ToArray()),
            ["integration"] = SeedData.IntegrationJson(),
            ["configuration"] = new JsonObject { ["id"] = configurationId },
        });
    }

    private static Reply GetBillingPlans(string integrationIdOrSlug, string productIdOrSlug)
    {
        if (!SeedData.IsIntegration(integrationIdOrSlug))
        {
            return Error(404, "not_found", $"Integration {integrationIdOrSlug} was not found");
        }

        if (SeedData.FindProduct(productIdOrSlug) is not { } product)
        {
            return Error(404, "not_found", $"Product {productIdOrSlug} was not found for integration {integrationIdOrSlug}");
        }

        return new Reply(200, new JsonObject
        {
            ["plans"] = new JsonArray(product.Plans.Select(p => (JsonNode)p.ToJson()).ToArray()),
        });
    }

    private Reply CreateStore(string body)
    {
        if (StoreRequestValidator.Validate(body, out var invalid) is not { } request)
        {
            return Error(400, "bad_request", invalid);
        }

        if (SeedData.FindConfiguration(request.ConfigurationId) is not { } configuration)
        {
            return Error(404, "not_found", $"Integration configuration {request.ConfigurationId} was not found");
        }

        if (!configuration.CallerIsAdmin)
        {
            return Error(403, "forbidden", "Only integration configuration admins can create stores");
        }

        if (SeedData.FindProduct(request.ProductIdOrSlug) is not { } product)
        {
            return Error(404, "not_found", $"Product {request.ProductIdOrSlug} was not found for integration configuration {configuration.Id}");
        }

        SeedPlan? plan;
        if (request.BillingPlanId is null)
        {
            plan = product.Plans.FirstOrDefault(p => p.IsFree);
            if (plan is null)
            {
                return Error(400, "no_free_plan", "No free billing plan is available for this product; pass billingPlanId");
            }
        }
        else
        {
            plan = product.Plans.FirstOrDefault(p => p.Id == request.BillingPlanId);
            if (plan is null)
            {
                return Error(400, "invalid_billing_plan", $"Billing plan {request.BillingPlanId} is not a plan of product {product.Id}");
            }
        }

        if (plan.PaymentMethodRequired && request.PaymentMethodId is null)
        {
            return Error(400, "payment_method_required", $"Billing plan {plan.Id} requires a payment method; pass paymentMethodId");
        }

        if (plan.HasVariableAmount)
        {
            if (request.PrepaymentAmountCents is not { } cents)
            {
                return Error(400, "prepayment_amount_required", $"Billing plan {plan.Id} has a variable amount; pass prepaymentAmountCents");
            }

            if (cents < plan.MinimumCents || cents > plan.MaximumCents)
            {
                return Error(400, "invalid_prepayment_amount",
                    $"prepaymentAmountCents must be between {plan.MinimumCents} and {plan.MaximumCents} for billing plan {plan.Id}");
            }
        }

        var store = NewStore(request, product, plan);
        stores.Enqueue(new EmulatedStore((string)store["id"]!, request.Name, configuration.Id, product.Id, plan.Id, store.ToJsonString(JsonOptions)));
        return new Reply(200, new JsonObject { ["store"] = store });
    }

    private static JsonObject NewStore(StoreRequest request, SeedProduct product, SeedPlan plan)
    {
        var store = new JsonObject
        {
            ["id"] = "store_" + RandomId(16),
            ["name"] = request.Name,
            ["createdAt"] = DateTimeOffset.UtcNow.ToUnixTimeMilliseconds(),
            ["projectsMetadata"] = new JsonArray(),
            ["totalConnectedProjects"] = 0,
            ["usageQuotaExceeded"] = false,
            ["status"] = "available",
            ["ownership"] = "owned",
            ["capabilities"] = new JsonObject
            {
                ["mcp"] = false, ["sso"] = true, ["billable"] = !plan.IsFree, ["transferable"] = false,
                ["secretsSync"] = true, ["projects"] = true,
            },
            ["metadata"] = request.Metadata?.DeepClone() ?? new JsonObject(),
            ["externalResourceId"] = "acme_" + RandomId(12),
            ["externalResourceStatus"] = "ready",
            ["product"] = product.ToStoreJson(),
            ["secrets"] = new JsonArray(product.Secrets
                .Select(s => (JsonNode)new JsonObject { ["name"] = s.Name, ["length"] = s.Length }).ToArray()),
            ["billingPlan"] = plan.ToJson(),
        };
        if (request.ExternalId is not null)
        {
            store["externalId"] = request.ExternalId;
        }

        if (plan.HasVariableAmount)
        {
            store["notification"] = new JsonObject
            {
                ["title"] = "Credits purchased",
                ["level"] = "info",
                ["message"] = $"${(request.PrepaymentAmountCents / 100)?.ToString("0.00", CultureInfo.InvariantCulture)} of prepaid credits were added to {request.Name}.",
            };
        }
        return store;
    }

    private readonly record struct Reply(int Status, JsonNode Body);

    private static Reply Error(int status, string code, string message) =>
        new(status, new JsonObject { ["error"] = new JsonObject { ["code"] = code, ["message"] = message } });

    private static Task Send(HttpContext ctx, Reply reply)
    {
        ctx.Response.StatusCode = reply.Status;
        ctx.Response.ContentType = JsonContentType;
        return ctx.Response.WriteAsync(reply.Body.ToJsonString(JsonOptions), ctx.RequestAborted);
    }

    private static string Route(HttpContext ctx, string name) => ctx.Request.RouteValues[name]?.ToString() ?? "";

    private static string RandomId(int length) =>
        RandomNumberGenerator.GetString("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789", length);

    /// <summary>A host lifetime that leaves the process's signals alone.</summary>
    private sealed class PassiveLifetime : IHostLifetime
    {
        public Task WaitForStartAsync(CancellationToken cancellationToken) => Task.CompletedTask;
        public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
    }
}
