using System.Reflection;
using Specgen.Runtime;
using Specgen.Tests.Infrastructure;
using Xunit;

namespace Specgen.Tests.Frameworks;

/// <summary>
/// One of the framework test APIs (tests/Frameworks) running on 127.0.0.1, the client Specgen generates
/// from the document it serves (compiled with 0 warnings and loaded), and one instance of that client.
/// Shared by a test class, so the app starts and the client is generated once.
/// </summary>
public abstract class LiveApi(string name, string documentPath) : IAsyncLifetime
{
    /// <summary>The app's name: its project for an ASP.NET Core one.</summary>
    protected string Name { get; } = name;

    private FrameworkApp? _app;

    public CompiledSpec Spec { get; private set; } = null!;

    public object Client { get; private set; } = null!;

    public string Document { get; private set; } = null!;

    public Uri BaseAddress => _app!.BaseAddress;

    public async Task InitializeAsync()
    {
        _app = await StartAsync();
        Document = await _app.DocumentAsync(documentPath);
        Spec = CompiledSpec.Load(GeneratorHarness.Run(new SpecFile("specs/" + Name + ".json", Document, Namespace: "Fixture", ClientName: "ShopClient")), Name);

        // A bearer token alone needs no options type of the client's own.
        Options = new ApiClientOptions { Retry = RetryOptions.None, AccessTokenProvider = _ => ValueTask.FromResult(AccessToken) };
        Client = Activator.CreateInstance(Spec.Type("ShopClient"), new HttpClient { BaseAddress = _app.BaseAddress }, Options)!;
    }

    /// <summary>The client's options (a test may change them; a test class's tests run one at a time).</summary>
    public ApiClientOptions Options { get; private set; } = null!;

    /// <summary>The bearer token the client sends (a test may change it).</summary>
    public string? AccessToken { get; set; }

    protected abstract Task<FrameworkApp> StartAsync();

    public async Task DisposeAsync()
    {
        if (_app is not null)
        {
            await _app.DisposeAsync();
        }
    }

    /// <summary>A generated record with the members given (by C# name).</summary>
    public object New(string type, params (string Member, object? Value)[] members) =>
        Spec.New(type, members.Select(m => (m.Member, AsType(m.Value, Spec.Type(type).GetProperty(m.Member)!.PropertyType))).ToArray());

    /// <summary>A number as the numeric type a member or parameter has (a decimal in one document is a double in another).</summary>
    public static object? AsType(object? value, Type type)
    {
        var target = Nullable.GetUnderlyingType(type) ?? type;
        return value is decimal or double or float && target != value.GetType() && (target == typeof(decimal) || target == typeof(double) || target == typeof(float))
            ? Convert.ChangeType(value, target, System.Globalization.CultureInfo.InvariantCulture)
            : value;
    }

    /// <summary>A generated enum's known value, by its C# member name.</summary>
    public object Enum(string type, string member) => Spec.Type(type).GetProperty(member)!.GetValue(null)!;

    /// <summary>A union's case holding <paramref name="value"/>: <c>Case("Shape.Circle", circle)</c>.</summary>
    public object Case(string caseType, object value) => Activator.CreateInstance(Spec.Type(caseType), value)!;

    public Task<object?> CallAsync(string method, params object?[] arguments) =>
        CompiledSpec.CallAsync(Client, method, [.. arguments, CancellationToken.None]);

    public static object? Get(object target, string member) => CompiledSpec.Get(target, member);

    /// <summary>The C# type of a generated record's member.</summary>
    public Type MemberType(string type, string member) => Spec.Type(type).GetProperty(member)!.PropertyType;

    /// <summary>The C# types of a client method's parameters, by name.</summary>
    public IReadOnlyDictionary<string, Type> Parameters(string method) =>
        CompiledSpec.MethodOf(Spec.Type("ShopClient"), method)!.GetParameters().ToDictionary(p => p.Name!, p => p.ParameterType);

    /// <summary>Whether the member is C# <c>required</c>.</summary>
    public bool IsRequired(string type, string member) =>
        Spec.Type(type).GetProperty(member)!.GetCustomAttributes().Any(a => a.GetType().Name == "RequiredMemberAttribute");
}

/// <summary>An ASP.NET Core test API, built with the tests (a project reference); its token is fixed.</summary>
public abstract class DotNetApi(string project, string documentPath) : LiveApi(project, documentPath)
{
    protected override Task<FrameworkApp> StartAsync()
    {
        AccessToken = "test-token-8c1f";
        return FrameworkApp.StartDotNetAsync(Name);
    }
}

public sealed class AspNetCoreOpenApi() : DotNetApi("AspNetCore.OpenApi", "openapi/v1.json");

public sealed class AspNetCoreSwashbuckle() : DotNetApi("AspNetCore.Swashbuckle", "swagger/v1/swagger.json");

/// <summary>The FastAPI test app (Debian's FastAPI 0.92, pydantic 1), installed by scripts/install-framework-servers.sh.</summary>
public sealed class FastApi() : LiveApi("FastApi", "openapi.json")
{
    protected override async Task<FrameworkApp> StartAsync()
    {
        await FrameworkApp.InstallServersAsync();
        return await FrameworkApp.StartAsync("/usr/bin/python3", [Path.Combine(Repository.Root, "tests", "Frameworks", "fastapi", "app.py"), "--port", "0"]);
    }
}

/// <summary>The NestJS test app (@nestjs/swagger), installed and built by scripts/install-framework-servers.sh.</summary>
public sealed class NestApi() : LiveApi("NestJs", "openapi.json")
{
    protected override async Task<FrameworkApp> StartAsync()
    {
        await FrameworkApp.InstallServersAsync();
        AccessToken = "specgen-token";
        return await FrameworkApp.StartAsync("node", [Path.Combine(Repository.Root, "tests", "Frameworks", "nestjs", "dist", "main.js"), "--port", "0"]);
    }
}
