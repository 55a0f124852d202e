using Specgen.Generator.Common;
using Specgen.Generator.Model;

namespace Specgen.Generator.Emitting;

/// <summary>
/// A form body → a record with a member per property; the client writes it as parts
/// (<c>multipart/form-data</c>) or pairs (<c>application/x-www-form-urlencoded</c>), never as JSON.
/// </summary>
internal static class FormEmitter
{
    public static void Write(SourceWriter writer, FormModel model, SpecModel spec)
    {
        var ns = spec.Namespace;
        var how = model.IsMultipart ? "multipart/form-data, a part per member" : "application/x-www-form-urlencoded, a pair per member";
        DocComments.Summary(writer, model.Description, $"A form the client sends as {how}.");
        writer.Line(CSharp.GeneratedCodeAttribute);
        if (model.IsDeprecated)
        {
            writer.Line(CSharp.ObsoleteAttribute);
        }

        var validated = model.IsValidated ? " : " + ValidationEmitter.Interface : string.Empty;
        using (writer.Block($"{spec.Accessibility} sealed partial record {model.Name}{validated}"))
        {
            var first = true;
            foreach (var part in model.Parts)
            {
                if (!first)
                {
                    writer.Line();
                }

                first = false;
                DocComments.Summary(writer, part.Description, Fallback(part));
                if (part.IsDeprecated)
                {
                    writer.Line(CSharp.ObsoleteAttribute);
                }

                var required = part.IsRequired ? "required " : string.Empty;
                writer.Line($"public {required}{CSharp.Nullable(CSharp.TypeName(part.Type, ns), part.IsNullable)} {part.Name} {{ get; init; }}");
            }

            if (model.IsValidated)
            {
                ValidationEmitter.WriteForm(writer, model);
            }
        }
    }

    private static string Fallback(FormPartModel part) => part.Kind switch
    {
        FormPartKind.File when part.Type.Kind == TypeKind.Array => $"The files sent as '{part.WireName}', a part each.",
        FormPartKind.File => $"The file sent as '{part.WireName}'.",
        FormPartKind.Json => $"Sent as '{part.WireName}', a part holding its JSON.",
        _ => $"Sent as '{part.WireName}'.",
    };
}
