using Frameworks.AspNetCore;
using System.Reflection;
using System.Text.Json.Serialization;
using Microsoft.OpenApi;

// The test API documented by Swashbuckle.AspNetCore, with the polymorphism options its README gives.
var builder = WebApplication.CreateBuilder(args);
builder.Services.AddEndpointsApiExplorer();
builder.Services.AddSwaggerGen(options =>
{
    options.UseAllOfForInheritance();
    options.UseOneOfForPolymorphism();
    // The discriminator from System.Text.Json's attributes, as Swashbuckle's README shows.
    options.SelectDiscriminatorNameUsing(type => type.GetCustomAttribute<JsonPolymorphicAttribute>() is { } polymorphic ? polymorphic.TypeDiscriminatorPropertyName ?? "$type" : null);
    options.SelectDiscriminatorValueUsing(subType => subType.BaseType?.GetCustomAttributes<JsonDerivedTypeAttribute>().FirstOrDefault(a => a.DerivedType == subType)?.TypeDiscriminator?.ToString());
    options.AddSecurityDefinition("Bearer", new OpenApiSecurityScheme { Type = SecuritySchemeType.Http, Scheme = "bearer" });
    options.AddSecurityRequirement(document => new OpenApiSecurityRequirement { [new OpenApiSecuritySchemeReference("Bearer", document)] = [] });
});
builder.Services.AddProblemDetails();
Endpoints.AddFixedBearer(builder.Services);

var app = builder.Build();
app.UseSwagger();
Endpoints.Map(app);
Endpoints.AnnounceAddress(app);
app.Run();
