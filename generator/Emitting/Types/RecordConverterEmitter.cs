using System.Linq;
using Specgen.Generator.Common;
using Specgen.Generator.Model;

namespace Specgen.Generator.Emitting;

/// <summary>
/// How a record reads and writes itself (its <c>IJsonValue</c> methods, which the runtime's converter calls): its members as data, a table (<c>Specgen.Runtime.Infrastructure.RecordShape</c>)
/// with a line per member (C# name, JSON name, codec, what the spec says of it, initial value) that the runtime reads,
/// writes, prints and checks the record by. A hierarchy's base reads the subtype its discriminator names. No
/// reflection, so it works trimmed and under NativeAOT.
/// </summary>
internal static class RecordConverterEmitter
{
    private const string Flags = CSharp.Infrastructure + ".RecordMemberFlags";

    public static void Write(SourceWriter writer, ObjectModel model, string ns)
    {
        var name = model.Name;
        WriteShape(writer, model, ns);
        writer.Line();
        var read = $"{RecordMembers.ShapeField}.Read(ref reader, options) is {{ }} members ? new {name}(members, default({CSharp.Infrastructure}.Blank)) : null";
        if (model.Hierarchy is { IsSealed: false })
        {
            using (writer.Block(JsonCode.ReadSignature(name)))
            {
                writer.Line($"if (reader.TokenType == {CSharp.Json}.JsonTokenType.Null) return null;");
                WriteReadDispatch(writer, model, ns);
                writer.Line();
                writer.Line($"return {read};");
            }
        }
        else
        {
            writer.Line($"{JsonCode.ReadSignature(name)} => {read};");
        }

        writer.Line();
        // The members on the wire (a null as null), then the extension data; a subtype whole.
        writer.Line($"{JsonCode.WriteSignature(name)} => {CSharp.Infrastructure}.RecordShape.Write(writer, value?.{RecordMembers.Values}, options);");
    }

    /// <summary>The member table (each member's C# and JSON names, codec, flags and initial value): a line per member, the base's members first in a subtype.</summary>
    private static void WriteShape(SourceWriter writer, ObjectModel model, string ns)
    {
        var extra = model.AdditionalType is { } typed ? ", " + JsonCode.Codec(typed, ns) : string.Empty;
        if (model.Properties.Count == 0)
        {
            writer.Line($"private static readonly {CSharp.Infrastructure}.RecordShape {RecordMembers.ShapeField} = new({CSharp.Literal(model.Name)}, global::System.Array.Empty<{CSharp.Infrastructure}.RecordMember>(){extra});");
            return;
        }

        writer.Line($"private static readonly {CSharp.Infrastructure}.RecordShape {RecordMembers.ShapeField} = new({CSharp.Literal(model.Name)}, new {CSharp.Infrastructure}.RecordMember[]");
        writer.Line("{");
        for (var i = 0; i < model.Properties.Count; i++)
        {
            var property = model.Properties[i];
            var (initial, preset) = RecordMembers.Initial(model, i, ns);
            var flags = MemberFlags(property, preset);
            var tail = initial is not null ? $", {flags ?? Flags + ".None"}, {initial}" : flags is not null ? ", " + flags : string.Empty;
            writer.Line($"    new({CSharp.Literal(property.Name)}, {CSharp.Literal(property.JsonName)}, {JsonCode.Codec(property.Type, ns)}{tail}),");
        }

        writer.Line($"}}{extra});");
    }

    private static string? MemberFlags(PropertyModel property, bool preset)
    {
        var flags = new System.Collections.Generic.List<string>();
        if (property.IsRequired)
        {
            flags.Add("Required");
        }

        if (property.AllowsNull)
        {
            flags.Add("Nullable");
        }

        if (property.Direction == MemberDirection.ResponseOnly)
        {
            flags.Add("ReadOnly");
        }

        if (property.Direction == MemberDirection.RequestOnly)
        {
            flags.Add("WriteOnly");
        }

        if (preset)
        {
            flags.Add("Preset");
        }

        return flags.Count == 0 ? null : string.Join(" | ", flags.Select(f => Flags + "." + f));
    }

    /// <summary>
    /// A hierarchy's base reads the subtype its discriminator names (the first occurrence, looked up on a
    /// copy of the reader); any other value, or none, reads as the base itself.
    /// </summary>
    private static void WriteReadDispatch(SourceWriter writer, ObjectModel model, string ns)
    {
        var hierarchy = model.Hierarchy!;
        var seen = new System.Collections.Generic.HashSet<string>(hierarchy.Values, System.StringComparer.Ordinal);
        using (writer.Block($"switch ({CSharp.Infrastructure}.JsonMatch.StringOf(reader, {JsonCode.Utf8(hierarchy.Discriminator)}))"))
        {
            foreach (var subtype in hierarchy.Subtypes)
            {
                // A value two types claim means the first; a value that means this type reads it below.
                var values = subtype.Values.Where(seen.Add).ToList();
                if (values.Count > 0)
                {
                    writer.Line($"{string.Concat(values.Select(v => $"case {CSharp.Literal(v)}: "))}return {JsonCode.ReadCall(TypeRef.Named(subtype.Name), ns)};");
                }
            }
        }
    }
}
