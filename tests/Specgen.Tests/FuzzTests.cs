using System.Text.Json.Nodes;
using Microsoft.CodeAnalysis;
using Specgen.Tests.Infrastructure;
using Xunit;
using Xunit.Abstractions;

namespace Specgen.Tests;

/// <summary>
/// A deterministic fuzz test: mutants of spec/ and of a slice of Vercel's full API (nodes deleted,
/// duplicated and retyped, hostile strings put into names, descriptions and references, lines cut
/// from the text). For every mutant, no exception escapes the generator, nothing is a Specgen bug
/// (SPECGEN000), and either the generated code compiles or a diagnostic says why nothing was emitted.
/// </summary>
public class FuzzTests(ITestOutputHelper output)
{
    // Fixed for CI; SPECGEN_FUZZ_SEED and SPECGEN_FUZZ_COUNT explore further on a developer's machine.
    private static readonly int Seed = int.TryParse(Environment.GetEnvironmentVariable("SPECGEN_FUZZ_SEED"), out var seed) ? seed : 20261121;
    private static readonly int MutantsPerSource = int.TryParse(Environment.GetEnvironmentVariable("SPECGEN_FUZZ_COUNT"), out var count) ? count : 40;

    private static readonly string[] HostileStrings =
    {
        "", " ", "*/", "</summary>", "\"", "\\", "\n#error x\n", "\r", "\u2028", "\u202E", "\0", "class", "default", "value",
        "2fast", "$$$", "a-b", "a_b", "Type", "Environment", "{id}", "#/components/schemas/Nope", "#/paths", "#",
        "application/xml", "x-specgen-name", "ä漢字", new string('x', 300),
    };

    private static readonly JsonNode?[] Retypes =
    {
        null, JsonValue.Create("string"), JsonValue.Create(42), JsonValue.Create(-1.5), JsonValue.Create(true), new JsonArray(), new JsonObject(),
        JsonValue.Create("object"), JsonValue.Create("array"), JsonValue.Create("integer"),
    };

    [Fact]
    public void Mutated_specs_never_break_the_build()
    {
        var sources = new (string Name, string Text)[]
        {
            ("spec", File.ReadAllText(Repository.SpecPath)),
            ("vercel-slice", VercelSlice()),
        };

        var random = new Random(Seed);
        var (ran, withDiagnostics, withoutCode) = (0, 0, 0);
        var failures = new List<string>();
        foreach (var (name, text) in sources)
        {
            var clock = System.Diagnostics.Stopwatch.StartNew();
            var original = JsonNode.Parse(ToJson(text))!;
            for (var i = 0; i < MutantsPerSource; i++)
            {
                var (mutant, mutations) = Mutate(original, text, random);
                var run = GeneratorHarness.Run(new SpecFile($"specs/{name}.yaml", mutant, Namespace: "Fuzz", ClientName: "FuzzClient"));
                var context = $"{name} mutant {i} (seed {Seed}): {string.Join("; ", mutations)}";

                var failure = Failure(run, mutant);
                if (failure is not null)
                {
                    // Kept for reproducing: feed the file to the generator as it stands.
                    var kept = Path.Combine(Path.GetTempPath(), $"specgen-fuzz-{name}-{i}.yaml");
                    File.WriteAllText(kept, mutant);
                    failures.Add(context + " (kept as " + kept + ")\n" + failure);
                }

                ran++;
                withDiagnostics += run.Diagnostics.Any(d => d.DefaultSeverity >= DiagnosticSeverity.Warning) ? 1 : 0;
                withoutCode += run.Sources.Count == 0 ? 1 : 0;
            }

            output.WriteLine($"{name}: {MutantsPerSource} mutants in {clock.Elapsed.TotalSeconds:0.0} s");
        }

        output.WriteLine($"Ran {ran} mutants: {withDiagnostics} produced warnings or errors, {withoutCode} produced no code (each with an error saying why).");
        Assert.Equal(sources.Length * MutantsPerSource, ran);
        Assert.True(failures.Count == 0, $"{failures.Count} of {ran} mutants broke the build:\n\n" + string.Join("\n\n", failures.Take(5)));
    }

    /// <summary>What is wrong with a run, or null: an exception, an internal error, code that does not compile, or no code and no error.</summary>
    private static string? Failure(GeneratorRun run, string mutant)
    {
        if (run.Exception is not null)
        {
            return "The generator threw: " + run.Exception;
        }

        if (run.Diagnostics.Any(d => d.Id == "SPECGEN000"))
        {
            return string.Join("\n", run.Diagnostics.Where(d => d.Id == "SPECGEN000")) + "\n" + Unguarded(mutant);
        }

        var compileErrors = run.CompileDiagnostics();
        if (compileErrors.Count > 0)
        {
            return "The generated code does not compile:\n" + string.Join("\n", compileErrors.Take(5));
        }

        return run.Sources.Count == 0 && !run.Diagnostics.Any(d => d.DefaultSeverity == DiagnosticSeverity.Error)
            ? "No code was generated and no error says why."
            : null;
    }

    /// <summary>The pipeline without its guard, to show where an internal error came from.</summary>
    private static string Unguarded(string text)
    {
        try
        {
            var input = new Specgen.Generator.Configuration.SpecInput(new Specgen.Generator.Configuration.SpecOptions("specs/x.yaml", "Fuzz", "FuzzClient", "public", "x"), text);
            var model = Specgen.Generator.SpecgenGenerator.ReadAndModel(input, new List<Specgen.Generator.Diagnostics.DiagnosticInfo>(), CancellationToken.None);
            _ = model is null ? null : Specgen.Generator.Emitting.SpecEmitter.Emit(model).ToList();
            return "(the unguarded pipeline did not throw)";
        }
        catch (Exception e)
        {
            return e.ToString();
        }
    }

    /// <summary>A few operations of Vercel's full API (every twentieth path) with all its components.</summary>
    private static string VercelSlice()
    {
        var full = JsonNode.Parse(Fixtures.Read(Fixtures.VercelApi))!.AsObject();
        var paths = new JsonObject();
        var index = 0;
        foreach (var pair in full["paths"]!.AsObject())
        {
            if (index++ % 20 == 0)
            {
                paths[pair.Key] = pair.Value!.DeepClone();
            }
        }

        var slice = new JsonObject
        {
            ["openapi"] = full["openapi"]!.DeepClone(),
            ["info"] = full["info"]!.DeepClone(),
            ["servers"] = full["servers"]?.DeepClone(),
            ["paths"] = paths,
            ["components"] = full["components"]!.DeepClone(),
        };
        return slice.ToJsonString();
    }

    private static string ToJson(string yaml)
    {
        var map = new Specgen.Generator.Reading.SourceMap("spec");
        return Specgen.Generator.Reading.YamlReader.Read(yaml, map)!.ToJsonString();
    }

    private static (string Text, List<string> Mutations) Mutate(JsonNode original, string originalText, Random random)
    {
        var mutations = new List<string>();
        if (random.Next(8) == 0)
        {
            // A text mutation: a line cut out of the file, which is often a YAML or structure error.
            var lines = originalText.Split('\n').ToList();
            var line = random.Next(lines.Count);
            lines.RemoveAt(line);
            mutations.Add($"cut line {line + 1}");
            return (string.Join('\n', lines), mutations);
        }

        var root = original.DeepClone();
        var count = 1 + random.Next(3);
        for (var i = 0; i < count; i++)
        {
            var nodes = Walk(root);
            var (target, pointer) = nodes[1 + random.Next(nodes.Count - 1)];
            switch (random.Next(6))
            {
                case 0:
                    Remove(target);
                    mutations.Add("deleted " + pointer);
                    break;
                case 1:
                    Duplicate(target, random);
                    mutations.Add("duplicated " + pointer);
                    break;
                case 2:
                    var retype = Retypes[random.Next(Retypes.Length)];
                    Replace(target, retype?.DeepClone());
                    mutations.Add($"retyped {pointer} as {retype?.ToJsonString() ?? "null"}");
                    break;
                case 3:
                    var name = HostileStrings[random.Next(HostileStrings.Length)];
                    Rename(target, name);
                    mutations.Add($"renamed {pointer} to {Visible(name)}");
                    break;
                default:
                    var text = HostileStrings[random.Next(HostileStrings.Length)];
                    var field = new[] { "description", "summary", "title", "operationId", "name", "$ref", "type", "format", "pattern", "default", "x-specgen-name" }[random.Next(11)];
                    if (target.Parent is JsonObject owner)
                    {
                        owner[field] = text;
                        mutations.Add($"set {field} beside {pointer} to {Visible(text)}");
                    }

                    break;
            }
        }

        return (root.ToJsonString(), mutations);
    }

    /// <summary>Every node under <paramref name="root"/> with its pointer, iteratively.</summary>
    private static List<(JsonNode Node, string Pointer)> Walk(JsonNode root)
    {
        var nodes = new List<(JsonNode, string)>();
        var pending = new Stack<(JsonNode, string)>();
        pending.Push((root, ""));
        while (pending.Count > 0)
        {
            var (node, pointer) = pending.Pop();
            nodes.Add((node, pointer));
            if (node is JsonObject obj)
            {
                foreach (var pair in obj.Where(p => p.Value is not null))
                {
                    pending.Push((pair.Value!, pointer + "/" + pair.Key));
                }
            }
            else if (node is JsonArray array)
            {
                for (var i = 0; i < array.Count; i++)
                {
                    if (array[i] is { } item)
                    {
                        pending.Push((item, pointer + "/" + i));
                    }
                }
            }
        }

        return nodes;
    }

    private static void Remove(JsonNode node)
    {
        switch (node.Parent)
        {
            case JsonObject obj:
                obj.Remove(node.GetPropertyName());
                break;
            case JsonArray array:
                array.Remove(node);
                break;
        }
    }

    private static void Duplicate(JsonNode node, Random random)
    {
        switch (node.Parent)
        {
            case JsonObject obj:
                obj[node.GetPropertyName() + "-copy" + random.Next(100)] = node.DeepClone();
                break;
            case JsonArray array:
                array.Add(node.DeepClone());
                break;
        }
    }

    private static void Replace(JsonNode node, JsonNode? replacement)
    {
        switch (node.Parent)
        {
            case JsonObject obj:
                obj[node.GetPropertyName()] = replacement;
                break;
            case JsonArray array:
                array[array.IndexOf(node)] = replacement;
                break;
        }
    }

    private static void Rename(JsonNode node, string name)
    {
        if (node.Parent is JsonObject obj && !obj.ContainsKey(name))
        {
            var key = node.GetPropertyName();
            var entries = obj.ToList();
            obj.Clear();
            foreach (var pair in entries)
            {
                obj[pair.Key == key ? name : pair.Key] = pair.Value;
            }
        }
    }

    private static string Visible(string text) => System.Text.Json.JsonSerializer.Serialize(text.Length > 20 ? text[..20] + "…" : text);
}
