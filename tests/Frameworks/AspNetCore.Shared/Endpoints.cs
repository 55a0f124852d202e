using System.Collections.Concurrent;
using System.Security.Claims;
using System.Security.Cryptography;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Options;

namespace Frameworks.AspNetCore;

/// <summary>
/// The endpoints of the test API, the same for both document generators: an everyday minimal API
/// (typed results, ProblemDetails, query lists and enums, headers, forms, files, polymorphism, bearer).
/// Every handler answers with what it received, so a test can compare.
/// </summary>
public static class Endpoints
{
    public const string Token = "test-token-8c1f";

    public static void Map(WebApplication app)
    {
        var products = new ConcurrentDictionary<int, Product>();
        var next = 0;

        var group = app.MapGroup("/products").WithTags("Products");
        group.MapGet("/", (Category? category, [FromQuery] int[]? ids, decimal? minPrice, [FromQuery] string[]? tags, int limit = 10) =>
            TypedResults.Ok(new ProductPage(
                products.Values.Where(p => category is null || p.Category == category).OrderBy(p => p.Id).Take(limit).ToList(),
                new ProductQuery(category, ids ?? [], minPrice, limit, tags ?? []))));

        group.MapGet("/{id:int}", Results<Ok<Product>, NotFound<ProblemDetails>> (int id) =>
            products.TryGetValue(id, out var product)
                ? TypedResults.Ok(product)
                : TypedResults.NotFound(new ProblemDetails { Title = "No such product", Status = 404, Detail = $"Product {id} does not exist." }));

        group.MapPost("/", Results<Created<Product>, ValidationProblem> (Product product) =>
        {
            if (product.Price < 0)
            {
                return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["price"] = ["The price cannot be negative."] });
            }

            // Kept as most .NET services keep a time: a DateTime of unspecified kind, written without an offset.
            var created = product with { Id = Interlocked.Increment(ref next), CreatedAt = DateTime.SpecifyKind(product.CreatedAt, DateTimeKind.Unspecified) };
            products[created.Id] = created;
            return TypedResults.Created($"/products/{created.Id}", created);
        });

        group.MapPut("/{id:int}", Results<Ok<Product>, NotFound> (int id, Product product) =>
        {
            if (!products.ContainsKey(id))
            {
                return TypedResults.NotFound();
            }

            products[id] = product with { Id = id };
            return TypedResults.Ok(products[id]);
        });

        group.MapDelete("/{id:int}", Results<NoContent, NotFound> (int id) =>
            products.TryRemove(id, out _) ? TypedResults.NoContent() : TypedResults.NotFound());

        var echo = app.MapGroup("/echo").WithTags("Echo");
        echo.MapGet("/headers", ([FromHeader(Name = "X-Request-Id")] string requestId, [FromHeader(Name = "X-Page")] int page, [FromHeader(Name = "X-Ratio")] double? ratio) =>
            TypedResults.Ok(new HeaderEcho(requestId, page, ratio)));

        echo.MapPost("/order", ([FromForm] OrderForm order) => TypedResults.Ok(order)).DisableAntiforgery();

        echo.MapPost("/upload", async (IFormFile file, [FromForm] string description) =>
        {
            await using var stream = file.OpenReadStream();
            var hash = Convert.ToHexStringLower(await SHA256.HashDataAsync(stream));
            return TypedResults.Ok(new UploadEcho(file.FileName, file.ContentType, file.Length, hash, description));
        }).DisableAntiforgery();

        echo.MapPost("/shape", (Shape shape) => TypedResults.Ok(shape));
        echo.MapPost("/pet", (Pet pet) => TypedResults.Ok(pet));
        echo.MapPost("/drawing", (Drawing drawing) => TypedResults.Ok(drawing));
        echo.MapPost("/appointment", (Appointment appointment) => TypedResults.Ok(appointment));

        app.MapGet("/me", (HttpContext context) =>
            TypedResults.Ok(new WhoAmI(context.User.FindFirstValue("token")!, context.User.Identity!.AuthenticationType!)))
            .RequireAuthorization()
            .WithTags("Account");
    }

    /// <summary>Bearer authentication that accepts one fixed token: enough for the client's credentials to be checked.</summary>
    public static void AddFixedBearer(IServiceCollection services)
    {
        services.AddAuthentication("Bearer").AddScheme<AuthenticationSchemeOptions, FixedTokenHandler>("Bearer", null);
        services.AddAuthorization();
    }

    private sealed class FixedTokenHandler(IOptionsMonitor<AuthenticationSchemeOptions> options, ILoggerFactory logger, UrlEncoder encoder)
        : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
    {
        protected override Task<AuthenticateResult> HandleAuthenticateAsync()
        {
            var header = Request.Headers.Authorization.ToString();
            if (header != "Bearer " + Token)
            {
                return Task.FromResult(header.Length == 0 ? AuthenticateResult.NoResult() : AuthenticateResult.Fail("Wrong token."));
            }

            var identity = new ClaimsIdentity([new Claim("token", Token)], "Bearer");
            return Task.FromResult(AuthenticateResult.Success(new AuthenticationTicket(new ClaimsPrincipal(identity), "Bearer")));
        }
    }

    /// <summary>Prints where the app listens, once it does, for the test that started it.</summary>
    public static void AnnounceAddress(WebApplication app) =>
        app.Lifetime.ApplicationStarted.Register(() =>
        {
            var address = app.Services.GetRequiredService<Microsoft.AspNetCore.Hosting.Server.IServer>()
                .Features.Get<Microsoft.AspNetCore.Hosting.Server.Features.IServerAddressesFeature>()!.Addresses.First();
            Console.WriteLine("LISTENING " + address);
        });
}
