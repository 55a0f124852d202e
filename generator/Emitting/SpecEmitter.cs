using System.Collections.Generic;
using Specgen.Generator.Common;
using Specgen.Generator.Modelling.Model;

namespace Specgen.Generator.Emitting;

/// <summary>A generated source file.</summary>
internal sealed record GeneratedFile(string HintName, string Text);

/// <summary>A spec's model → its files: one per type, one for the JSON context, one for the client. Hint names are stable.</summary>
internal static class SpecEmitter
{
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

        foreach (var type in spec.Types)
        {
            var writer = CSharp.NewFile(spec.Namespace);
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
            }

            yield return new GeneratedFile(Hint(type.Name), CSharp.EndFile(writer));
        }

        var json = CSharp.NewFile(spec.Namespace);
        JsonContextEmitter.Write(json, spec);
        yield return new GeneratedFile(Hint(spec.JsonContext.Name), CSharp.EndFile(json));

        var client = CSharp.NewFile(spec.Namespace);
        ClientEmitter.Write(client, spec);
        yield return new GeneratedFile(Hint(spec.ClientName), CSharp.EndFile(client));
    }
}
