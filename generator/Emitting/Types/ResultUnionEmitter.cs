using Specgen.Generator.Common;
using Specgen.Generator.Model;

namespace Specgen.Generator.Emitting;

/// <summary>
/// What an operation returns when its successes have different bodies: a closed class with one case
/// per documented status (and <c>Unknown</c> for any other 2xx), to <c>switch</c> over.
/// </summary>
internal static class ResultUnionEmitter
{
    public static void Write(SourceWriter writer, ResultUnionModel model, SpecModel spec)
    {
        var name = model.Name;
        var cases = DocComments.OneOf(name, System.Linq.Enumerable.Select(model.Cases, c => c.Name));
        DocComments.Element(writer, "summary", [$"A success of the operation. {cases}, or <see cref=\"{name}.{Unknown}\"/> for a success status the spec does not document."]);
        writer.Line(CSharp.GeneratedCodeAttribute);
        using (writer.Block($"{spec.Accessibility} abstract partial class {name}"))
        {
            writer.Line($"private {name}(int statusCode) => StatusCode = statusCode;");
            writer.Line();
            writer.Line("/// <summary>The status code the server answered with.</summary>");
            writer.Line("public int StatusCode { get; }");
            foreach (var @case in model.Cases)
            {
                writer.Line();
                var status = @case.Status == "default" ? "Any other success" : DocComments.Escape(@case.Status);
                var lines = MarkdownDocs.Lines(@case.Description, lead: status + ":");
                DocComments.Element(writer, "summary", lines.Count > 0 ? lines : [status + "."]);
                var value = Value(@case, spec.Namespace);
                using (writer.Block($"public sealed class {@case.Name} : {name}"))
                {
                    if (value is null)
                    {
                        writer.Line($"/// <summary>Creates the case.</summary>");
                        writer.Line($"public {@case.Name}(int statusCode) : base(statusCode)");
                        writer.Line("{");
                        writer.Line("}");
                        continue;
                    }

                    writer.Line($"/// <summary>Creates the case.</summary>");
                    writer.Line($"public {@case.Name}(int statusCode, {value} value) : base(statusCode) => Value = value;");
                    writer.Line();
                    writer.Line("/// <summary>The body.</summary>");
                    writer.Line($"public {value} Value {{ get; }}");
                }
            }

            writer.Line();
            writer.Line("/// <summary>A success status the spec does not document, with its body as text.</summary>");
            using (writer.Block($"public sealed class {Unknown} : {name}"))
            {
                writer.Line("/// <summary>Creates the case.</summary>");
                writer.Line($"public {Unknown}(int statusCode, string body) : base(statusCode) => Body = body;");
                writer.Line();
                writer.Line("/// <summary>The body, as text.</summary>");
                writer.Line("public string Body { get; }");
            }
        }
    }

    private const string Unknown = "Unknown";

    private static string? Value(ResultCaseModel @case, string ns) => @case.Kind switch
    {
        ResultKind.Json => CSharp.TypeName(@case.Type!, ns),
        ResultKind.Text => "string",
        ResultKind.File => CSharp.Runtime + ".ApiFile",
        _ => null,
    };
}
