using System.Reflection;
using System.Runtime.Loader;
using System.Text.Json;
using Microsoft.CodeAnalysis;

namespace Specgen.Tests.Infrastructure;

/// <summary>
/// A fixture spec under tests/Specgen.Tests/Specs, run through the generator, compiled with zero
/// warnings and loaded, so a test can check what the generated code does, not only what it says.
/// </summary>
public sealed class CompiledSpec
{
    private const string Namespace = "Fixture";

    private CompiledSpec(GeneratorRun run, Assembly assembly)
    {
        Run = run;
        Assembly = assembly;
    }

    public GeneratorRun Run { get; }

    public Assembly Assembly { get; }

    public static SpecFile Fixture(string fileName) =>
        new("Specs/" + fileName, File.ReadAllText(Path.Combine(Repository.TestsDirectory, "Specs", fileName)), Namespace, ClientName: null);

    public static CompiledSpec Compile(string fileName) => Load(GeneratorHarness.Run(Fixture(fileName)), fileName);

    /// <summary>A generator run's output, compiled with zero warnings and loaded.</summary>
    public static CompiledSpec Load(GeneratorRun run, string name)
    {
        if (run.Exception is { } exception)
        {
            throw new InvalidOperationException("The generator threw.", exception);
        }

        var problems = run.CompileDiagnostics();
        if (problems.Count > 0)
        {
            throw new InvalidOperationException("The generated code does not compile cleanly:\n" + string.Join("\n", problems));
        }

        using var image = new MemoryStream();
        var emitted = run.Checked.Emit(image);
        if (!emitted.Success)
        {
            throw new InvalidOperationException(string.Join("\n", emitted.Diagnostics.Where(d => d.Severity == DiagnosticSeverity.Error)));
        }

        image.Position = 0;
        var context = new AssemblyLoadContext(name, isCollectible: true);
        return new CompiledSpec(run, context.LoadFromStream(image));
    }

    /// <summary>A generated type by its C# name in the fixtures' namespace; nested cases as <c>Pet.Cat</c>.</summary>
    public Type Type(string name) => Type(Namespace, name);

    /// <summary>A generated type by its namespace and C# name.</summary>
    public Type Type(string @namespace, string name) =>
        Assembly.GetType(@namespace + "." + name.Replace('.', '+'), throwOnError: true)!;

    /// <summary>A generated record, made with its parameterless constructor, with the members given (by C# name) set.</summary>
    public object New(string type, params (string Member, object? Value)[] members)
    {
        var value = Activator.CreateInstance(Type(type))!;
        foreach (var (member, memberValue) in members)
        {
            value.GetType().GetProperty(member)!.SetValue(value, memberValue);
        }

        return value;
    }

    public object Read(string typeName, string json) =>
        JsonSerializer.Deserialize(json, Type(typeName)) ?? throw new InvalidOperationException("null");

    public string Write(string typeName, object? value) => JsonSerializer.Serialize(value, Type(typeName));

    /// <summary>The case a union value holds, as <c>Union.Case</c>.</summary>
    public static string CaseOf(object value) => value.GetType().FullName!.Substring(Namespace.Length + 1).Replace('+', '.');

    /// <summary>
    /// Calls a generated client's method and awaits the <c>ApiCall</c> it returns: the value, or null for
    /// a call whose success has no body.
    /// </summary>
    public static async Task<object?> CallAsync(object client, string method, params object?[] arguments)
    {
        var call = Invoke(client, method, arguments);
        var task = (Task)call.GetType().GetMethod("AsTask")!.Invoke(call, null)!;
        await task;
        return task.GetType().IsGenericType ? task.GetType().GetProperty("Result")!.GetValue(task) : null;
    }

    /// <summary>Like <see cref="CallAsync"/>, but awaits <c>WithResponseAsync()</c>: the <c>ApiResponse</c>.</summary>
    public static async Task<Specgen.Runtime.ApiResponse> CallWithResponseAsync(object client, string method, params object?[] arguments)
    {
        var call = Invoke(client, method, arguments);
        var task = (Task)call.GetType().GetMethod("WithResponseAsync")!.Invoke(call, null)!;
        await task;
        return (Specgen.Runtime.ApiResponse)task.GetType().GetProperty("Result")!.GetValue(task)!;
    }

    /// <summary>
    /// Calls a generated method with the arguments given; when they end with the token and leave out the
    /// request options before it, the options are null.
    /// </summary>
    private static object Invoke(object client, string method, object?[] arguments)
    {
        (client, var info) = Find(client, method);
        var parameters = info.GetParameters();
        if (arguments.Length == parameters.Length - 1 && parameters[^2].ParameterType == typeof(Specgen.Runtime.ApiRequestOptions))
        {
            arguments = [.. arguments[..^1], null, arguments[^1]];
        }

        return info.Invoke(client, arguments) ?? throw new InvalidOperationException(method);
    }

    /// <summary>
    /// A generated method and what it is called on: the client, or the sub-client (<c>client.Projects</c>) that has it
    /// when the client is grouped by tag; <c>Projects.UpdateProjectAsync</c> names the group too.
    /// </summary>
    public static (object Target, MethodInfo Method) Find(object client, string method)
    {
        var dot = method.IndexOf('.', StringComparison.Ordinal);
        if (dot > 0)
        {
            var group = Get(client, method[..dot])!;
            return (group, group.GetType().GetMethod(method[(dot + 1)..]) ?? throw new InvalidOperationException(method));
        }

        if (client.GetType().GetMethod(method) is { } own)
        {
            return (client, own);
        }

        foreach (var property in client.GetType().GetProperties(BindingFlags.Public | BindingFlags.Instance).Where(p => p.PropertyType.DeclaringType == client.GetType()))
        {
            if (property.PropertyType.GetMethod(method) is { } found)
            {
                return (property.GetValue(client)!, found);
            }
        }

        throw new InvalidOperationException(method);
    }

    /// <summary>A generated method of the client type or of one of its sub-clients (the client's nested classes).</summary>
    public static MethodInfo? MethodOf(Type client, string method) =>
        client.GetMethod(method) ?? client.GetNestedTypes().Select(t => t.GetMethod(method)).FirstOrDefault(m => m is not null);

    public static object? Get(object target, string property) =>
        target.GetType().GetProperty(property, BindingFlags.Public | BindingFlags.Instance)!.GetValue(target);
}
