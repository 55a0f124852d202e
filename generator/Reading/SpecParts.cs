using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Text.RegularExpressions;
using System.Threading;
using Microsoft.CodeAnalysis;
using Specgen.Generator.Common;

namespace Specgen.Generator.Reading;

/// <summary>Another file a spec refers to, by its full path (as <see cref="Bundler.Normalize"/> spells it), and its text.</summary>
internal sealed record SpecPart(string Path, string Text);

/// <summary>
/// Finds the files a spec refers to among the compilation's YAML and JSON files, without parsing
/// anything: every text that looks like a relative path to such a file (<c>./schemas/pet.yaml#/Pet</c>,
/// in a <c>$ref</c>, a discriminator mapping or anywhere else) and names one the compilation has is a
/// part, and so are the files its own parts name. A description that mentions a file adds a part
/// the spec does not use, which costs nothing but a re-run when that file changes; the parts a spec
/// does use are never missed, so editing them re-runs the spec, and editing any other file does not.
/// </summary>
internal static class SpecParts
{
    private static readonly Regex FilePath = new(
        @"(?<![\w.~%\-/\\])(?:[\w.~%\-]+[/\\])*[\w.~%\-]+\.(?:ya?ml|json)(?![\w])",
        RegexOptions.CultureInvariant | RegexOptions.IgnoreCase | RegexOptions.Compiled);

    /// <summary>Whether a compilation file could be a part: YAML or JSON.</summary>
    public static bool IsCandidate(AdditionalText file) =>
        file.Path.EndsWith(".yaml", StringComparison.OrdinalIgnoreCase)
        || file.Path.EndsWith(".yml", StringComparison.OrdinalIgnoreCase)
        || file.Path.EndsWith(".json", StringComparison.OrdinalIgnoreCase);

    /// <summary>The parts of the spec at <paramref name="specPath"/>: the files it names (<paramref name="named"/>, from <see cref="Named"/>) that the compilation has, and the files they name in turn; in path order.</summary>
    public static EquatableArray<SpecPart> Find(string specPath, EquatableArray<string> named, ImmutableArray<AdditionalText> candidates, CancellationToken cancellationToken)
    {
        if (candidates.IsDefaultOrEmpty || named.Count == 0)
        {
            return EquatableArray<SpecPart>.Empty;
        }

        var byPath = new Dictionary<string, AdditionalText>(StringComparer.Ordinal);
        foreach (var candidate in candidates)
        {
            var path = Bundler.Normalize(candidate.Path);
            if (!byPath.ContainsKey(path))
            {
                byPath.Add(path, candidate);
            }
        }

        var parts = new List<SpecPart>();
        var seen = new HashSet<string>(StringComparer.Ordinal) { Bundler.Normalize(specPath) };
        var pending = new Queue<string>(named);
        while (pending.Count > 0)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var path = pending.Dequeue();
            if (seen.Add(path) && byPath.TryGetValue(path, out var file))
            {
                var partText = file.GetText(cancellationToken)?.ToString() ?? string.Empty;
                parts.Add(new SpecPart(path, partText));
                foreach (var next in Named(path, partText))
                {
                    pending.Enqueue(next);
                }
            }
        }

        return parts.OrderBy(p => p.Path, StringComparer.Ordinal).ToEquatableArray();
    }

    /// <summary>
    /// The full paths of the YAML and JSON files <paramref name="text"/> (of the file at <paramref name="path"/>) names,
    /// in the order it names them: a scan of the whole text, which the pipeline caches on the spec's text, so a
    /// build whose spec did not change (the compiler hands the generator new file objects each build) does not scan it again.
    /// </summary>
    public static EquatableArray<string> Named(string path, string text)
    {
        var from = Bundler.Normalize(path);
        var names = new List<string>();
        var seen = new HashSet<string>(StringComparer.Ordinal) { from };
        foreach (Match match in FilePath.Matches(text))
        {
            var named = Bundler.Resolve(from, match.Value);
            if (seen.Add(named))
            {
                names.Add(named);
            }
        }

        return names.ToEquatableArray();
    }
}
