using Specgen.Generator.Common;
using Specgen.Generator.Model;

namespace Specgen.Generator.Emitting;

/// <summary>The response headers an operation documents → a record with a typed member per header and <c>From(ApiHeaders)</c>.</summary>
internal static class HeadersEmitter
{
    public static void Write(SourceWriter writer, HeadersModel model, SpecModel spec)
    {
        var ns = spec.Namespace;
        DocComments.Summary(writer, "The response headers the spec documents for the operation, typed; a header the response lacks, or whose value does not read as its type, is null.");
        writer.Line(CSharp.GeneratedCodeAttribute);
        using (writer.Block($"{spec.Accessibility} sealed partial record {model.Name}"))
        {
            foreach (var header in model.Headers)
            {
                DocComments.Summary(writer, header.Description);
                writer.Line($"public {CSharp.TypeName(header.Type, ns)}? {header.Name} {{ get; init; }}");
                writer.Line();
            }

            writer.Line("/// <summary>Reads the documented headers from a response's headers.</summary>");
            using (writer.Block($"public static {model.Name} From({CSharp.Runtime}.ApiHeaders headers)", string.Empty))
            {
                writer.Line("global::System.ArgumentNullException.ThrowIfNull(headers);");
                using (writer.Block($"return new {model.Name}", ";"))
                {
                    foreach (var header in model.Headers)
                    {
                        writer.Line($"{header.Name} = {Read(header, ns)},");
                    }
                }
            }
        }
    }

    private static string Read(HeaderModel header, string ns)
    {
        var name = CSharp.Literal(header.WireName);
        return header.Type.Kind switch
        {
            _ when header.Type.Scalar is { HeaderRead: { } read } => $"headers.{read}({name})",
            TypeKind.Array => $"headers.List({name})",
            TypeKind.Named => $"headers.Enum<{CSharp.TypeName(header.Type, ns)}>({name})",
            _ => $"headers[{name}]",
        };
    }
}
