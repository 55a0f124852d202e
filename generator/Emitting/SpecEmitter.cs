using System.Collections.Generic;
using Specgen.Generator.Common;
using Specgen.Generator.Model;

namespace Specgen.Generator.Emitting;

/// <summary>A generated source file.</summary>
internal sealed record GeneratedFile(string HintName, string Text);

/// <summary>
/// A spec's model → its files: one per type (or, for a spec with more than <see cref="TypesPerFile"/>
/// types, one per <see cref="TypesPerFile"/> types in name order), one for the JSON context, one for the
/// client, and one for its options when its security schemes take credentials of their own. Hint names are stable.
/// </summary>
internal static class SpecEmitter
{
    /// <summary>
    /// How many types share a file once a spec has more than this many. The compiler and the IDE carry
    /// every generated file into each run, whatever it holds: Vercel's whole API as 1,300 files costs
    /// about 1.3 µs per file on every keystroke, and the same types in 14 files cost a few dozen.
    /// A small spec keeps a file per type, which is the easiest to read.
    /// </summary>
    public const int TypesPerFile = 100;

    public static IEnumerable<GeneratedFile> Emit(SpecModel spec)
    {
        // Hint names are compared ignoring case (and become file names on case-insensitive disks),
        // while Https and HTTPS are two C# types: the second file is numbered.
        var hints = new HashSet<string>(System.StringComparer.OrdinalIgnoreCase);
        string Hint(string name)
        {
            var hint = name;
            for (var i = 2; !hints.Add(hint); i++)
            {
                hint = name + "_" + i.ToString(System.Globalization.CultureInfo.InvariantCulture);
            }

            return $"{spec.HintPrefix}.{hint}.g.cs";
        }

        var perFile = spec.Types.Count > TypesPerFile ? TypesPerFile : 1;
        for (var start = 0; start < spec.Types.Count; start += perFile)
        {
            var writer = CSharp.NewFile(spec.Namespace);
            var end = System.Math.Min(start + perFile, spec.Types.Count);
            for (var i = start; i < end; i++)
            {
                if (i > start)
                {
                    writer.Line();
                }

                WriteType(writer, spec.Types[i], spec);
            }

            var name = perFile == 1 ? spec.Types[start].Name : "Types" + (start / perFile + 1).ToString("D2", System.Globalization.CultureInfo.InvariantCulture);
            yield return new GeneratedFile(Hint(name), CSharp.EndFile(writer));
        }

        var json = CSharp.NewFile(spec.Namespace);
        JsonContextEmitter.Write(json, spec);
        yield return new GeneratedFile(Hint(spec.JsonContext.Name), CSharp.EndFile(json));

        var client = CSharp.NewFile(spec.Namespace);
        ClientEmitter.Write(client, spec);
        yield return new GeneratedFile(Hint(spec.ClientName), CSharp.EndFile(client));

        foreach (var group in spec.Groups)
        {
            var writer = CSharp.NewFile(spec.Namespace);
            ClientEmitter.WriteGroup(writer, spec, group);
            yield return new GeneratedFile(Hint(spec.ClientName + "." + group.ClassName), CSharp.EndFile(writer));
        }

        if (spec.Security.OptionsName is { } options)
        {
            var writer = CSharp.NewFile(spec.Namespace);
            OptionsEmitter.Write(writer, spec);
            yield return new GeneratedFile(Hint(options), CSharp.EndFile(writer));
        }
    }

    private static void WriteType(SourceWriter writer, TypeModel type, SpecModel spec)
    {
        switch (type)
        {
            case ObjectModel record:
                RecordEmitter.Write(writer, record, spec);
                break;
            case EnumModel enumeration:
                EnumEmitter.Write(writer, enumeration, spec);
                break;
            case UnionModel union:
                UnionEmitter.Write(writer, union, spec);
                break;
            case ResultUnionModel result:
                ResultUnionEmitter.Write(writer, result, spec);
                break;
            case HeadersModel headers:
                HeadersEmitter.Write(writer, headers, spec);
                break;
            case FormModel form:
                FormEmitter.Write(writer, form, spec);
                break;
        }
    }
}
