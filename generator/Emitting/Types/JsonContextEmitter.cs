using System.Linq;
using Specgen.Generator.Common;
using Specgen.Generator.Model;

namespace Specgen.Generator.Emitting;

/// <summary>
/// The spec's JSON context: a <c>JsonSerializerContext</c> whose type infos are built with
/// <c>JsonMetadataServices</c> on the generated converters, so serializing needs no reflection and
/// survives trimming and NativeAOT. System.Text.Json's own generator cannot see Specgen's types
/// (generators do not see each other's output), so Specgen writes the context itself.
/// </summary>
internal static class JsonContextEmitter
{
    private const string Metadata = CSharp.Serialization + ".Metadata";

    public static void Write(SourceWriter writer, SpecModel spec)
    {
        var context = spec.JsonContext;
        var name = context.Name;
        var ns = spec.Namespace;
        DocComments.Summary(writer, $"System.Text.Json metadata for the types of {(spec.Title is { Length: > 0 } ? spec.Title : "the API")}, made without reflection.");
        DocComments.Remarks(writer, new[]
        {
            $"Pass a property to <c>JsonSerializer</c> (<c>JsonSerializer.Deserialize(json, {name}.Default.{Example(spec)})</c>),",
            "or add <see cref=\"Default\"/> to <c>JsonSerializerOptions.TypeInfoResolverChain</c>. Safe for trimming and NativeAOT.",
        });
        writer.Line(CSharp.GeneratedCodeAttribute);
        using (writer.Block($"{spec.Accessibility} sealed partial class {name} : {CSharp.Serialization}.JsonSerializerContext, {Metadata}.IJsonTypeInfoResolver"))
        {
            writer.Line("/// <summary>The context on System.Text.Json's default options.</summary>");
            writer.Line($"public static {name} Default {{ get; }} = new();");
            writer.Line();
            writer.Line("/// <summary>Creates a context with its own default options.</summary>");
            writer.Line($"public {name}()");
            writer.Line("    : base(null)");
            writer.Line("{");
            writer.Line("}");
            writer.Line();
            writer.Line("/// <summary>Creates a context on <paramref name=\"options\"/>, which become bound to it (their resolver is this context).</summary>");
            writer.Line($"public {name}({CSharp.Json}.JsonSerializerOptions options)");
            writer.Line("    : base(options)");
            writer.Line("{");
            writer.Line("}");
            writer.Line();
            writer.Line("/// <inheritdoc/>");
            writer.Line($"protected override {CSharp.Json}.JsonSerializerOptions? GeneratedSerializerOptions => null;");
            writer.Line();
            // One line a type, as a table; the options keep the type info they made, so a property needs no field.
            writer.Line("// The type infos: one per generated type, and one per list, map or scalar an operation sends or returns.");
            foreach (var type in context.Types)
            {
                var typeName = CSharp.TypeName(type.Type, ns);
                writer.Line($"public {Metadata}.JsonTypeInfo<{typeName}> {type.PropertyName} => ({Metadata}.JsonTypeInfo<{typeName}>)Options.GetTypeInfo(typeof({typeName}));");
            }

            writer.Line();
            writer.Line("/// <inheritdoc/>");
            writer.Line($"public override {Metadata}.JsonTypeInfo? GetTypeInfo(global::System.Type type) => Options.TryGetTypeInfo(type, out var info) ? info : null;");
            writer.Line();
            writer.Line("/// <inheritdoc/>");
            using (writer.Block($"{Metadata}.JsonTypeInfo? {Metadata}.IJsonTypeInfoResolver.GetTypeInfo(global::System.Type type, {CSharp.Json}.JsonSerializerOptions options)"))
            {
                foreach (var type in context.Types)
                {
                    var typeName = CSharp.TypeName(type.Type, ns);
                    writer.Line($"if (type == typeof({typeName})) return {Metadata}.JsonMetadataServices.CreateValueInfo<{typeName}>(options, {JsonCode.NewConverter(type.Type, ns)});");
                }

                writer.Line();
                writer.Line("return null;");
            }
        }
    }

    /// <summary>The property the docs show: the first operation's response type, else the first type.</summary>
    private static string Example(SpecModel spec)
    {
        var types = spec.JsonContext.Types;
        var response = spec.Operations.Where(o => o.Result.Kind == ResultKind.Json).Select(o => o.Result.Type).FirstOrDefault(t => t is not null);
        var example = types.FirstOrDefault(t => t.Type == response) ?? types.FirstOrDefault();
        return example?.PropertyName ?? "…";
    }
}
