using System.Collections;
using System.Diagnostics;
using System.Reflection;
using System.Runtime.Loader;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Specgen.Tests.Infrastructure;

namespace Specgen.Compatibility;

/// <summary>
/// What the outside oracle found for one spec: instances json-schema-faker made of each success
/// response (checked against the schema by ajv), and how many read into the generated type faithfully.
/// </summary>
/// <param name="Faked">Instances read and checked.</param>
/// <param name="Faithful">Instances that read with no exception, nothing in any AdditionalProperties, no Unknown case or enum value, and wrote back equal.</param>
/// <param name="FakerFailures">Responses whose schema the faker could not fake, or instances it made that break their schema's types: not counted.</param>
/// <param name="NotCovered">Success responses with JSON that the oracle does not read (a result union, or an operation not generated).</param>
/// <param name="Causes">Why instances were not faithful, by cause, with counts.</param>
internal sealed record OracleResult(int Faked, int Faithful, int FakerFailures, int NotCovered, IReadOnlyList<(string Cause, int Count)> Causes, string? FakerNote)
{
    public static readonly OracleResult None = new(0, 0, 0, 0, [], null);

    /// <summary>Of <see cref="Faked"/>, the instances that are the spec's own examples (its authors' data).</summary>
    public int Examples { get; init; }

    /// <summary>The success responses with JSON the oracle looked at (for a spec the faker failed on, the client's).</summary>
    public int Responses { get; init; }

    /// <summary>Of <see cref="Responses"/>, those at least one instance (faked or example) was read for.</summary>
    public int Checked { get; init; }

    /// <summary>Of <see cref="Checked"/>, those read with the oracle's plain instances, the faker having made none that pass ajv.</summary>
    public int Plain { get; init; }

    /// <summary>Why the faker could not fake a response (or a spec), by cause, with counts.</summary>
    public IReadOnlyList<(string Cause, int Count)> FakerCauses { get; init; } = [];
}

/// <summary>The faked-response oracle: node fake.mjs (json-schema-faker), then the compiled client's types.</summary>
internal static class Oracle
{
    private const int InstancesPerResponse = 3;

    private static readonly TimeSpan FakerTimeout = TimeSpan.FromMinutes(5);

    /// <summary><c>SPECGEN_ORACLE_VERBOSE=1</c> prints the first instance of each cause, for finding what went wrong.</summary>
    private static readonly bool Verbose = Environment.GetEnvironmentVariable("SPECGEN_ORACLE_VERBOSE") == "1";
    private static readonly string Script = Path.Combine(Repository.Root, "tests", "Compatibility", "oracle", "fake.mjs");

    public static OracleResult Check(string specPath, GeneratorRun run, INamedTypeSymbol client)
    {
        // A spec whose instances run the faker out of memory or time at the usual depth is faked shallow, and
        // one it still cannot finish gets only the oracle's plain instances.
        string? fakerError = null;
        JsonArray? faked = null;
        foreach (var mode in new[] { "deep", "shallow", "plain" })
        {
            faked = Fake(specPath, mode, out fakerError);
            if (faked is not null || (fakerError != OutOfMemory && fakerError != OutOfTime))
            {
                break;
            }
        }

        var targets = ResultTypes(run, client);
        if (faked is null)
        {
            return OracleResult.None with { FakerFailures = 1, FakerNote = fakerError, Responses = targets.Count, FakerCauses = [(FakerCause(fakerError!), 1)] };
        }

        using var image = new MemoryStream();
        // The compilation the compile check has bound already (the same code): emitting Output would bind it all again.
        if (!run.Checked.Emit(image).Success)
        {
            return OracleResult.None;
        }

        image.Position = 0;
        var context = new AssemblyLoadContext(Path.GetFileName(specPath), isCollectible: true);
        try
        {
            return Read(faked, targets, context.LoadFromStream(image));
        }
        finally
        {
            context.Unload();
        }
    }

    private static OracleResult Read(JsonArray faked, Dictionary<(string, string, string), string> targets, Assembly assembly)
    {
        var options = new JsonSerializerOptions();
        var (count, faithful, fakerFailures, notCovered, examples, responses, checkedResponses, plain) = (0, 0, 0, 0, 0, 0, 0, 0);
        var causes = new Dictionary<string, int>(StringComparer.Ordinal);
        var fakerCauses = new Dictionary<string, int>(StringComparer.Ordinal);
        string? note = null;
        foreach (var response in faked.OfType<JsonObject>())
        {
            responses++;
            if (response["error"] is { } error)
            {
                fakerFailures++;
                note ??= "faker: " + error;
                var cause = FakerCause((string)error!);
                fakerCauses[cause] = fakerCauses.GetValueOrDefault(cause) + 1;
            }

            var invalid = response["invalid"]?.GetValue<int>() ?? 0;
            if (invalid > 0)
            {
                fakerFailures++;
                note ??= "faker made instances that break their schema: " + response["invalidReason"];
                const string cause = "the faker made instances that break their schema";
                fakerCauses[cause] = fakerCauses.GetValueOrDefault(cause) + 1;
            }

            var key = ((string)response["method"]!, (string)response["path"]!);
            var status = (string)response["status"]!;
            if (!(targets.TryGetValue((key.Item1, key.Item2, status), out var target) || targets.TryGetValue((key.Item1, key.Item2, AnyStatus), out target))
                || TypeOf(assembly, target) is not { } type)
            {
                if (Verbose)
                {
                    Console.Error.WriteLine($"oracle: {key.Item1} {key.Item2} {response["status"]} not covered ({(target is null ? "no method reads its JSON" : "no runtime type for " + target)})");
                }

                notCovered++;
                continue;
            }

            // The faker's instances, then the spec's own examples.
            var own = response["examples"]?.AsArray() ?? [];
            var made = response["instances"]?.AsArray() ?? [];
            var read = made.Select(i => (Instance: i, IsExample: false)).Concat(own.Select(i => (Instance: i, IsExample: true))).ToList();
            examples += own.Count;
            checkedResponses += read.Count > 0 ? 1 : 0;
            plain += made.Count > 0 && response["plain"]?.GetValue<bool>() == true ? 1 : 0;
            foreach (var (instance, isExample) in read)
            {
                count++;
                var cause = Check(instance, type, options, isExample);
                if (cause is null)
                {
                    faithful++;
                }
                else
                {
                    if (Verbose && !causes.ContainsKey(cause))
                    {
                        Console.Error.WriteLine($"oracle: {key.Item1} {key.Item2} {response["status"]} as {type}: {cause}\n  {instance?.ToJsonString()}");
                    }

                    causes[cause] = causes.GetValueOrDefault(cause) + 1;
                }
            }
        }

        var ordered = causes.OrderByDescending(c => c.Value).ThenBy(c => c.Key, StringComparer.Ordinal).Select(c => (c.Key, c.Value)).ToList();
        var orderedFakerCauses = fakerCauses.OrderByDescending(c => c.Value).ThenBy(c => c.Key, StringComparer.Ordinal).Select(c => (c.Key, c.Value)).ToList();
        return new OracleResult(count, faithful, fakerFailures, notCovered, ordered, note)
        {
            Examples = examples,
            Responses = responses,
            Checked = checkedResponses,
            Plain = plain,
            FakerCauses = orderedFakerCauses,
        };
    }

    /// <summary>A faker error as a cause to count: its first line, without the error's type (thrown or wrapped, it is one cause).</summary>
    private static string FakerCause(string error)
    {
        var cause = Shorten(error);
        foreach (var prefix in new[] { "Error: ", "TypeError: " })
        {
            cause = cause.StartsWith(prefix, StringComparison.Ordinal) ? cause[prefix.Length..] : cause;
        }

        return cause;
    }

    /// <summary>
    /// Null when the instance reads and writes back faithfully; else why not. An author's example may hold
    /// members its schema does not declare (the faker never adds one): kept as extension data and written
    /// back, they are not counted as lost.
    /// </summary>
    private static string? Check(JsonNode? instance, Type type, JsonSerializerOptions options, bool isExample)
    {
        var json = instance?.ToJsonString() ?? "null";
        object? value;
        try
        {
            value = JsonSerializer.Deserialize(json, type, options);
        }
        catch (Exception e) when (e is JsonException or InvalidOperationException or NotSupportedException or FormatException or OverflowException)
        {
            return "reading throws " + e.GetType().Name + ": " + Shorten(e.Message);
        }

        if (Lost(value, 0, isExample) is { } lost)
        {
            return lost;
        }

        var written = JsonSerializer.Serialize(value, type, options);
        return JsonNode.DeepEquals(JsonNode.Parse(json), JsonNode.Parse(written)) ? null : "the round trip changes the JSON";
    }

    /// <summary>Something the generated types did not understand: an unknown member, union case or enum value, or a member that cannot be read.</summary>
    private static string? Lost(object? value, int depth, bool extraAllowed)
    {
        if (value is null || depth > 64 || value is string || value.GetType().IsPrimitive || value is JsonNode or JsonElement)
        {
            return null;
        }

        var type = value.GetType();
        if (type.Name == "Unknown" && type.DeclaringType is { } union)
        {
            return "an Unknown case of " + union.Name;
        }

        if (type.GetProperty("IsKnown") is { PropertyType: var known } isKnown && known == typeof(bool) && type.IsValueType)
        {
            return (bool)isKnown.GetValue(value)! ? null : "an unknown value of enum " + type.Name;
        }

        if (value is IDictionary dictionary)
        {
            foreach (DictionaryEntry entry in dictionary)
            {
                if (Lost(entry.Value, depth + 1, extraAllowed) is { } lost)
                {
                    return lost;
                }
            }

            return null;
        }

        if (value is IEnumerable items)
        {
            foreach (var item in items)
            {
                if (Lost(item, depth + 1, extraAllowed) is { } lost)
                {
                    return lost;
                }
            }

            return null;
        }

        foreach (var property in type.GetProperties(BindingFlags.Public | BindingFlags.Instance))
        {
            if (property.GetIndexParameters().Length > 0)
            {
                continue;
            }

            object? member;
            try
            {
                member = property.GetValue(value);
            }
            catch (TargetInvocationException e)
            {
                return $"{type.Name}.{property.Name} cannot be read: {Shorten(e.InnerException?.Message ?? e.Message)}";
            }

            // The members the spec does not describe: the one property a generated record types
            // IDictionary<string, JsonElement> (a map member is IReadOnlyDictionary; typed additionalProperties are
            // the type the spec gives them). PublicSurfaceTests pins that.
            if (property.PropertyType == typeof(IDictionary<string, JsonElement>))
            {
                if (member is ICollection { Count: > 0 } extra && !extraAllowed)
                {
                    var first = extra.Cast<object>().First();
                    return $"an unknown member of {type.Name} ('{first.GetType().GetProperty("Key")?.GetValue(first)}')";
                }

                continue;
            }

            if (Lost(member, depth + 1, extraAllowed) is { } lost)
            {
                return lost;
            }
        }

        return null;
    }

    /// <summary>Any status: the key of an operation whose success responses all read into one type.</summary>
    private const string AnyStatus = "*";

    /// <summary>
    /// Each operation's (method, path, status) and the C# type its success JSON reads into, from the generated
    /// client: one type for any status, or a result union's case type per status (its summary starts with it).
    /// </summary>
    private static Dictionary<(string, string, string), string> ResultTypes(GeneratorRun run, INamedTypeSymbol client)
    {
        var targets = new Dictionary<(string, string, string), string>();
        foreach (var method in SpecRun.ClientMethods(client))
        {
            if (method.ReturnType is not INamedTypeSymbol { Name: "ApiCall", TypeArguments: [var result] }
                || method.DeclaringSyntaxReferences.FirstOrDefault()?.GetSyntax() is not MethodDeclarationSyntax syntax)
            {
                continue;
            }

            var request = syntax.DescendantNodes().OfType<ObjectCreationExpressionSyntax>()
                .FirstOrDefault(c => c.Type.ToString().EndsWith("ApiRequest", StringComparison.Ordinal));
            if (request?.ArgumentList?.Arguments is not [var verb, var path]
                || verb.Expression is not LiteralExpressionSyntax verbLiteral || path.Expression is not LiteralExpressionSyntax pathLiteral)
            {
                continue;
            }

            var (verbText, pathText) = (verbLiteral.Token.ValueText, pathLiteral.Token.ValueText);

            // A stream's values are read one by one, each as its item type.
            var stream = result is INamedTypeSymbol { Name: "ApiStream" };
            var value = result is INamedTypeSymbol { Name: "ApiStream", TypeArguments: [var item] } ? item : result;
            value = Underlying(value);

            // A result union (a case per status, with the StatusCode) is chosen by status: each case's value is
            // read from that status's JSON. Files and text are not JSON.
            if (value.GetMembers("StatusCode").Any() && value is INamedTypeSymbol union
                && union.GetTypeMembers().Any(u => u.BaseType?.Equals(union, SymbolEqualityComparer.Default) == true))
            {
                foreach (var @case in union.GetTypeMembers().Where(u => u.BaseType?.Equals(union, SymbolEqualityComparer.Default) == true))
                {
                    var status = System.Text.RegularExpressions.Regex.Match(@case.GetDocumentationCommentXml() ?? string.Empty, @"<summary>\s*(?:<para>)?\s*(\d(?:\d\d|[Xx]{2}))[:.]");
                    var body = @case.Constructors.FirstOrDefault()?.Parameters.FirstOrDefault(p => p.Name == "value")?.Type;
                    if (status.Success && body is not null && Underlying(body) is { Name: not "ApiFile" } bodyType)
                    {
                        targets[(verbText, pathText, status.Groups[1].Value)] = Name(bodyType);
                    }
                }

                continue;
            }

            var readsText = syntax.ToString().Contains("ResponseBody.Text", StringComparison.Ordinal);
            if (value.Name is "ApiFile" || value.SpecialType == SpecialType.System_String && !stream && readsText)
            {
                continue;
            }

            targets[(verbText, pathText, AnyStatus)] = Name(value);
        }

        return targets;

        static ITypeSymbol Underlying(ITypeSymbol type) =>
            type is INamedTypeSymbol { OriginalDefinition.SpecialType: SpecialType.System_Nullable_T, TypeArguments: [var inner] } ? inner : type;

        static string Name(ITypeSymbol type) =>
            type.ToDisplayString(SymbolDisplayFormat.FullyQualifiedFormat).Replace("global::", string.Empty, StringComparison.Ordinal);
    }

    /// <summary>The runtime type for a C# type name: a generated type from the assembly, or a list, map or BCL type.</summary>
    private static Type? TypeOf(Assembly assembly, string name)
    {
        name = name.TrimEnd('?');
        if (name.StartsWith("System.Collections.Generic.IReadOnlyList<", StringComparison.Ordinal))
        {
            return TypeOf(assembly, name["System.Collections.Generic.IReadOnlyList<".Length..^1]) is { } item ? typeof(IReadOnlyList<>).MakeGenericType(item) : null;
        }

        if (name.StartsWith("System.Collections.Generic.IReadOnlyDictionary<string, ", StringComparison.Ordinal))
        {
            return TypeOf(assembly, name["System.Collections.Generic.IReadOnlyDictionary<string, ".Length..^1]) is { } item ? typeof(IReadOnlyDictionary<,>).MakeGenericType(typeof(string), item) : null;
        }

        return name switch
        {
            "string" => typeof(string),
            "bool" => typeof(bool),
            "int" => typeof(int),
            "long" => typeof(long),
            "double" => typeof(double),
            "float" => typeof(float),
            "decimal" => typeof(decimal),
            "byte[]" => typeof(byte[]),
            _ => assembly.GetType(name) ?? Type.GetType(name + ", System.Text.Json") ?? typeof(Uri).Assembly.GetType(name) ?? Type.GetType(name),
        };
    }

    private const string OutOfMemory = "the faker ran out of memory (node heap 3 GB)";

    private static readonly string OutOfTime = $"the faker did not finish in {FakerTimeout.TotalMinutes:0} minutes";

    private static JsonArray? Fake(string specPath, string mode, out string? error)
    {
        // A fixed heap, so whether a huge spec is too much for the faker does not depend on the machine's memory.
        var start = new ProcessStartInfo("node", ["--max-old-space-size=3072", Script, specPath, InstancesPerResponse.ToString(System.Globalization.CultureInfo.InvariantCulture), "1", mode])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        using var process = Process.Start(start)!;
        var stderr = process.StandardError.ReadToEndAsync();
        var stdout = process.StandardOutput.ReadToEndAsync();
        // A fixed limit too, so one spec the faker loops on cannot hold up the run.
        if (!process.WaitForExit(FakerTimeout))
        {
            process.Kill(entireProcessTree: true);
            process.WaitForExit();
            error = OutOfTime;
            return null;
        }

        var output = stdout.Result;
        if (process.ExitCode != 0)
        {
            error = stderr.Result.Contains("heap out of memory", StringComparison.Ordinal)
                ? OutOfMemory
                : "fake.mjs failed: " + Shorten(stderr.Result);
            return null;
        }

        error = null;
        return JsonNode.Parse(output)?.AsArray();
    }

    private static string Shorten(string text)
    {
        var line = text.Split('\n', StringSplitOptions.RemoveEmptyEntries).FirstOrDefault() ?? string.Empty;
        return line.Length <= 140 ? line : line[..137] + "...";
    }
}
