using System.Text.RegularExpressions;
using Microsoft.CodeAnalysis;

namespace Specgen.Tests.Infrastructure;

/// <summary>What a generated name is made of, to judge it as a reader would.</summary>
public static partial class Names
{
    /// <summary>A PascalCase name's words: <c>UserEventPayload2</c> → <c>User</c>, <c>Event</c>, <c>Payload</c>, <c>2</c>.</summary>
    public static IReadOnlyList<string> Words(string name) =>
        WordPattern().Matches(name).Select(m => m.Value).ToList();

    /// <summary>
    /// The first run of words the name says twice — one word twice in a row (<c>ProjectProject</c>), or two or more
    /// words anywhere (<c>ProjectMembership2ProjectMembership</c>) — or null when it has none.
    /// </summary>
    public static string? RepeatedRun(string name)
    {
        var words = Words(name).Where(w => !char.IsDigit(w[0])).ToList();
        for (var i = 0; i + 1 < words.Count; i++)
        {
            if (string.Equals(words[i], words[i + 1], StringComparison.Ordinal))
            {
                return words[i] + words[i];
            }
        }

        for (var length = words.Count / 2; length >= 2; length--)
        {
            var seen = new HashSet<string>(StringComparer.Ordinal);
            for (var i = 0; i + length <= words.Count; i++)
            {
                var run = string.Concat(words.Skip(i).Take(length));
                if (!seen.Add(run))
                {
                    return run;
                }
            }
        }

        return null;
    }

    /// <summary>Every type the namespace declares, nested ones included.</summary>
    public static IEnumerable<INamedTypeSymbol> DeclaredTypes(GeneratorRun run, string ns)
    {
        var pending = new Stack<INamedTypeSymbol>(run.TypesIn(ns));
        while (pending.Count > 0)
        {
            var type = pending.Pop();
            yield return type;
            foreach (var nested in type.GetTypeMembers())
            {
                pending.Push(nested);
            }
        }
    }

    /// <summary>The longest name, the median length and the count, as docs/naming.md reports them.</summary>
    public static string Summary(IReadOnlyCollection<string> names)
    {
        var lengths = names.Select(n => n.Length).OrderBy(n => n).ToList();
        return $"{names.Count} names, median {lengths[lengths.Count / 2]}, longest {lengths[^1]}: {names.OrderByDescending(n => n.Length).ThenBy(n => n, StringComparer.Ordinal).First()}";
    }

    [GeneratedRegex("[A-Z]+(?![a-z])|[A-Z]?[a-z]+|[0-9]+")]
    private static partial Regex WordPattern();
}
