using System.Reflection;
using Specgen.Runtime;
using Specgen.Tests.Infrastructure;
using Xunit;

namespace Specgen.Tests.Frameworks;

/// <summary>
/// One of the ASP.NET Core test APIs (tests/Frameworks) running on 127.0.0.1, the client Specgen generates
/// from the document it serves (compiled with 0 warnings and loaded), and one instance of that client.
/// Shared by a test class, so the app starts and the client is generated once.
/// </summary>
public abstract class DotNetApi(string project, string documentPath) : IAsyncLifetime
{
    private FrameworkApp? _app;

    public CompiledSpec Spec { get; private set; } = null!;

    public object Client { get; private set; } = null!;

    public string Document { get; private set; } = null!;

    public Uri BaseAddress => _app!.BaseAddress;

    public async Task InitializeAsync()
    {
        _app = await FrameworkApp.StartDotNetAsync(project);
        Document = await _app.DocumentAsync(documentPath);
        Spec = CompiledSpec.Load(GeneratorHarness.Run(new SpecFile("specs/" + project + ".json", Document, Namespace: "Fixture", ClientName: "ShopClient")), project);
        // A bearer token alone needs no options type of the client's own.
        var options = new ApiClientOptions();
        options.Retry = RetryOptions.None;
        options.AccessToken = "test-token-8c1f";
        Client = Activator.CreateInstance(Spec.Type("ShopClient"), new HttpClient { BaseAddress = _app.BaseAddress }, options)!;
    }

    public async Task DisposeAsync()
    {
        if (_app is not null)
        {
            await _app.DisposeAsync();
        }
    }

    /// <summary>A generated record with the members given (by C# name).</summary>
    public object New(string type, params (string Member, object? Value)[] members)
    {
        var value = Activator.CreateInstance(Spec.Type(type))!;
        foreach (var (member, memberValue) in members)
        {
            var property = value.GetType().GetProperty(member)!;
            property.SetValue(value, AsType(memberValue, property.PropertyType));
        }

        return value;
    }

    /// <summary>A number as the numeric type a member or parameter has (a decimal in one document is a double in another).</summary>
    public static object? AsType(object? value, Type type)
    {
        var target = Nullable.GetUnderlyingType(type) ?? type;
        return value is decimal or double or float && target != value.GetType() && (target == typeof(decimal) || target == typeof(double) || target == typeof(float))
            ? Convert.ChangeType(value, target, System.Globalization.CultureInfo.InvariantCulture)
            : value;
    }

    /// <summary>A union's case holding <paramref name="value"/>: <c>Case("Shape.Circle", circle)</c>.</summary>
    public object Case(string caseType, object value) => Activator.CreateInstance(Spec.Type(caseType), value)!;

    public Task<object?> CallAsync(string method, params object?[] arguments) =>
        CompiledSpec.CallAsync(Client, method, [.. arguments, CancellationToken.None]);

    public static object? Get(object target, string member) => CompiledSpec.Get(target, member);

    /// <summary>The C# type of a generated record's member.</summary>
    public Type MemberType(string type, string member) => Spec.Type(type).GetProperty(member)!.PropertyType;

    /// <summary>The C# types of a client method's parameters, by name.</summary>
    public IReadOnlyDictionary<string, Type> Parameters(string method) =>
        Spec.Type("ShopClient").GetMethod(method)!.GetParameters().ToDictionary(p => p.Name!, p => p.ParameterType);

    /// <summary>Whether the member is C# <c>required</c>.</summary>
    public bool IsRequired(string type, string member) =>
        Spec.Type(type).GetProperty(member)!.GetCustomAttributes().Any(a => a.GetType().Name == "RequiredMemberAttribute");
}

public sealed class AspNetCoreOpenApi() : DotNetApi("AspNetCore.OpenApi", "openapi/v1.json");

public sealed class AspNetCoreSwashbuckle() : DotNetApi("AspNetCore.Swashbuckle", "swagger/v1/swagger.json");
