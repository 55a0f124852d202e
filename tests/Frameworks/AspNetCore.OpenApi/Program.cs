using Frameworks.AspNetCore;
using Microsoft.OpenApi;

// The test API documented by Microsoft.AspNetCore.OpenApi, as `dotnet new webapi` sets it up.
var builder = WebApplication.CreateBuilder(args);
builder.Services.AddOpenApi(options => options.AddDocumentTransformer((document, context, cancellationToken) =>
{
    // The bearer scheme, as Microsoft's docs show it; RequireAuthorization's endpoints ask for it.
    document.Components ??= new OpenApiComponents();
    document.Components.SecuritySchemes = new Dictionary<string, IOpenApiSecurityScheme>
    {
        ["Bearer"] = new OpenApiSecurityScheme { Type = SecuritySchemeType.Http, Scheme = "bearer" },
    };
    foreach (var path in document.Paths.Where(p => p.Key == "/me"))
    {
        foreach (var operation in path.Value.Operations!.Values)
        {
            operation.Security = [new OpenApiSecurityRequirement { [new OpenApiSecuritySchemeReference("Bearer", document)] = [] }];
        }
    }

    return Task.CompletedTask;
}));
builder.Services.AddProblemDetails();
Endpoints.AddFixedBearer(builder.Services);

var app = builder.Build();
app.MapOpenApi();
Endpoints.Map(app);
Endpoints.AnnounceAddress(app);
app.Run();
