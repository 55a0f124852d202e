using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using Specgen.Generator.Common;
using Specgen.Generator.Model;

namespace Specgen.Generator.Emitting;

/// <summary>Object schemas → sealed records with <c>required</c>/<c>init</c> members and JSON attributes.</summary>
internal static class RecordEmitter
{
    public static void Write(SourceWriter writer, ObjectModel model, SpecModel spec)
    {
        DocComments.Summary(writer, model.Description);
        if (model.Hierarchy is { IsSealed: false } hierarchy)
        {
            DocComments.Remarks(writer, new[]
            {
                $"Read as the type its <c>{DocComments.Escape(hierarchy.Discriminator)}</c> says: "
                + string.Join(", ", hierarchy.Subtypes.Select(t => $"<see cref=\"{t.Name}\"/>"))
                + $"; a value this version does not know reads as a plain <see cref=\"{model.Name}\"/>, the rest of its JSON kept in {(model.IsDerived ? $"<c>{model.ExtensionDataName}</c>" : $"<see cref=\"{model.ExtensionDataName}\"/>")}.",
            });
        }

        writer.Line(CSharp.GeneratedCodeAttribute);
        if (model.IsDeprecated)
        {
            writer.Line(CSharp.ObsoleteAttribute);
        }

        writer.Line(JsonCode.ConverterAttribute(model.Name));
        var bases = new[] { model.Hierarchy?.BaseName ?? RecordMembers.Base, model.IsValidated ? ValidationEmitter.Interface : null, JsonCode.ValueInterface(model.Name) }.Where(b => b is not null).ToList();
        var sealedness = model.Hierarchy is { IsSealed: false } ? string.Empty : "sealed ";
        using (writer.Block($"{spec.Accessibility} {sealedness}partial record {model.Name}{(bases.Count > 0 ? " : " + string.Join(", ", bases) : string.Empty)}"))
        {
            WriteState(writer, model);

            var root = !model.IsDerived;
            for (var i = model.InheritedCount; i < model.Properties.Count; i++)
            {
                WriteProperty(writer, model, i, spec.Namespace);
                if (root || i < model.Properties.Count - 1)
                {
                    // A subtype has no extension data member after its last one; what follows opens with its own blank line.
                    writer.Line();
                }
            }

            if (!model.IsDerived)
            {
                // No [JsonExtensionData], as no [JsonPropertyName] on the members: the runtime's member table keeps them.
                if (model.AdditionalType is { } additional)
                {
                    writer.Line("/// <summary>The other properties, each of the type the spec's <c>additionalProperties</c> gives them.</summary>");
                    writer.Line($"public global::System.Collections.Generic.IDictionary<string, {CSharp.TypeName(additional, spec.Namespace)}>? {model.ExtensionDataName} {{ get => {RecordMembers.Values}.GetExtra<{CSharp.TypeName(additional, spec.Namespace)}>(); set => {RecordMembers.Values}.SetExtra(value); }}");
                }
                else
                {
                    writer.Line("/// <summary>Members the server sent that the spec does not describe; kept so nothing is lost on a round trip.</summary>");
                    writer.Line($"public global::System.Collections.Generic.IDictionary<string, {CSharp.Json}.JsonElement>? {model.ExtensionDataName} {{ get => {RecordMembers.Values}.GetExtra<{CSharp.Json}.JsonElement>(); set => {RecordMembers.Values}.SetExtra(value); }}");
                }
            }

            WritePrintMembers(writer, model);

            if (model.IsValidated)
            {
                ValidationEmitter.WriteRecord(writer, model, spec.Namespace, ValidateModifier(model, spec));
            }

            writer.Line();
            RecordConverterEmitter.Write(writer, model, spec.Namespace);
        }
    }

    /// <summary>How a record's fields and constructors are reached: by the <c>ReadValue</c> of the types deriving from it too.</summary>
    private static string Access(ObjectModel model) => model.Hierarchy is { IsSealed: false } ? "private protected" : "private";

    /// <summary><c>Validate</c> overrides an ancestor's, and is virtual in a base.</summary>
    private static string ValidateModifier(ObjectModel model, SpecModel spec)
    {
        for (var name = model.Hierarchy?.BaseName; name is not null;)
        {
            var ancestor = spec.Types.OfType<ObjectModel>().FirstOrDefault(t => t.Name == name);
            if (ancestor?.IsValidated == true)
            {
                return "override ";
            }

            name = ancestor?.Hierarchy?.BaseName;
        }

        return model.Hierarchy is { IsSealed: false } ? "virtual " : string.Empty;
    }

    /// <summary>
    /// The constructors: a public one for object initializers (defaults, constants and the discriminator on the wire),
    /// and one for <c>ReadValue</c> that takes what it read. The members are kept by the runtime's <c>ApiRecord</c>,
    /// every record's base, from the record's member table; its copy constructor (for <c>with</c>), equality and hash
    /// are the base's, so a record declares none of them.
    /// </summary>
    private static void WriteState(SourceWriter writer, ObjectModel model)
    {
        var name = model.Name;
        var access = Access(model);
        var members = $"{CSharp.Infrastructure}.MemberValues";
        var create = $"{RecordMembers.ShapeField}.Create()";
        var open = model.Hierarchy is { IsSealed: false };
        writer.Line($"/// <summary>Creates a {name}; set its members with an object initializer.</summary>");
        writer.Line($"public {name}() : base({create}) {{ }}");
        if (open)
        {
            // A subtype's public constructor hands its own members up, and must not claim to set the required ones.
            writer.Line($"{access} {name}({members} members) : base(members) {{ }}");
        }

        writer.Line();
        // ReadValue's: the members it read (a required member the JSON lacked says so when touched).
        writer.Line(CSharp.DisableNullableInitialization);
        writer.Line("[global::System.Diagnostics.CodeAnalysis.SetsRequiredMembers]");
        var chain = model.IsDerived ? "base(members, blank)" : "base(members)";
        writer.Line($"{access} {name}({members} members, {CSharp.Infrastructure}.Blank blank) : {chain} {{ }}");
        writer.Line(CSharp.RestoreNullableInitialization);
        writer.Line();
    }

    private static void WriteProperty(SourceWriter writer, ObjectModel model, int index, string ns)
    {
        var property = model.Properties[index];
        DocComments.Summary(writer, property.Description);
        DocComments.Remarks(writer, Remarks(property));
        // No [JsonPropertyName] or [JsonIgnore]: the record's own ReadValue/WriteValue (through [JsonConverter]) are the
        // only way System.Text.Json reads or writes it, so they would say nothing; its member table has the JSON names.
        var required = property.MustBeSet ? "required " : string.Empty;
        if (property.IsDeprecated && required.Length == 0)
        {
            // A required member cannot be [Obsolete] (CS9042): every caller must set it. Its remarks say it is deprecated.
            writer.Line(CSharp.ObsoleteAttribute);
        }

        // The runtime keeps the three states, the JSON of a malformed value, and what touching a missing one throws.
        var type = CSharp.Nullable(CSharp.TypeName(property.Type, ns), property.IsNullable);
        var at = RecordMembers.Index(index);
        writer.Line($"public {required}{type} {property.Name} {{ get => {RecordMembers.Get(property, type, at)}; init => {RecordMembers.Values}[{at}] = value; }}");
    }

    /// <summary>
    /// <c>ToString</c>'s members, from the runtime's: a required member the JSON lacked must not make <c>ToString</c>
    /// throw the way touching it does. The base's prints a subtype's too (its members are all in one table).
    /// </summary>
    private static void WritePrintMembers(SourceWriter writer, ObjectModel model)
    {
        writer.Line();
        const string signature = "protected override";
        var body = model.IsDerived ? "base.PrintMembers(builder)" : $"{RecordMembers.Values}.Print(builder, {CSharp.Literal(model.ExtensionDataName)})";
        writer.Line($"{signature} bool PrintMembers(global::System.Text.StringBuilder builder) => {body};");
    }

    private static List<string> Remarks(PropertyModel property)
    {
        var lines = new List<string>();
        var constraints = property.Constraints;
        if (property.IsDeprecated && property.MustBeSet)
        {
            lines.Add("Deprecated by the API, but still required.");
        }

        if (property.Direction == MemberDirection.ResponseOnly)
        {
            lines.Add("Set by the server (read-only): not sent in requests.");
        }

        if (property.Direction == MemberDirection.RequestOnly)
        {
            lines.Add("Sent in requests (write-only): responses do not carry it.");
        }

        if (property.IsDiscriminator)
        {
            lines.Add("Says which type this is; each type's constructor sets it.");
        }

        if (property.ConstantLiteral is not null)
        {
            lines.Add($"Always <c>{DocComments.Escape(property.ConstantLiteral)}</c> in this shape; set for you.");
        }

        if (property.DefaultLiteral is not null)
        {
            lines.Add($"Defaults to <c>{DocComments.Escape(property.DefaultLiteral)}</c>.");
        }

        if (constraints.MinLength is { } min)
        {
            lines.Add($"At least {min.ToString(CultureInfo.InvariantCulture)} characters.");
        }

        if (constraints.MaxLength is { } max)
        {
            lines.Add($"At most {max.ToString(CultureInfo.InvariantCulture)} characters.");
        }

        if (constraints.Minimum is { } minimum)
        {
            lines.Add($"Minimum: {CSharp.NumberText(minimum)}.");
        }

        if (constraints.Maximum is { } maximum)
        {
            lines.Add($"Maximum: {CSharp.NumberText(maximum)}.");
        }

        foreach (var pattern in constraints.Patterns)
        {
            lines.Add($"Matches <c>{DocComments.Escape(pattern)}</c>.");
        }

        if (constraints.AnyOfPatterns.Count > 0)
        {
            lines.Add("Matches one of " + string.Join(", ", System.Linq.Enumerable.Select(constraints.AnyOfPatterns, p => $"<c>{DocComments.Escape(p)}</c>")) + ".");
        }

        return lines;
    }
}
