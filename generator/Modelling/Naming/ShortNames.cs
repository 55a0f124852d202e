using System.Collections.Generic;
using System.Linq;

namespace Specgen.Generator.Modelling;

/// <summary>
/// Keeps generated type names short enough to read: at most <see cref="MaxLength"/> characters and never a
/// run of words said twice. A name made by joining a parent's name to a member's (<c>GetProjectMembersResponse</c>
/// + <c>Pagination</c>) or from a long operationId is what grows past that.
/// </summary>
internal static class ShortNames
{
    /// <summary>The longest type name Specgen makes.</summary>
    public const int MaxLength = 48;

    /// <summary>Words that only join others: the first to go from a name that is too long.</summary>
    private static readonly HashSet<string> Connectors = new(System.StringComparer.Ordinal)
    {
        "A", "An", "And", "At", "By", "For", "In", "Of", "On", "Or", "The", "To", "With",
    };

    /// <summary>
    /// <paramref name="parent"/> then <paramref name="name"/>, saying once what the parent's end and the name's
    /// start both say (<c>UserEventPayloadProject</c> + <c>ProjectMembership</c> → <c>UserEventPayloadProjectMembership</c>).
    /// </summary>
    public static string Join(string parent, string name)
    {
        var head = Naming.IdentifierWords(parent);
        var tail = Naming.IdentifierWords(name);

        // A numbered parent (ConcurrencyGroup3, a second ConcurrencyGroup) overlaps as the name it numbers.
        if (head.Count > 1 && IsNumber(head[head.Count - 1]))
        {
            head.RemoveAt(head.Count - 1);
        }

        for (var overlap = System.Math.Min(head.Count, tail.Count); overlap > 0; overlap--)
        {
            if (head.Skip(head.Count - overlap).SequenceEqual(tail.Take(overlap), System.StringComparer.Ordinal))
            {
                return parent + string.Concat(tail.Skip(overlap));
            }
        }

        return parent + name;
    }

    /// <summary>
    /// The name without repeated words, then, while longer than <paramref name="max"/>, without its connecting
    /// words, then without words from its middle until it fits: its first words say where it belongs and its
    /// last what it is (a <c>Response</c>, a <c>Request</c>). A short name that says nothing twice is returned as it is.
    /// </summary>
    public static string Shorten(string name, int max = MaxLength)
    {
        var words = WithoutRepeats(Naming.IdentifierWords(name));
        if (Length(words) > max)
        {
            for (var i = words.Count - 2; i > 0 && Length(words) > max; i--)
            {
                if (Connectors.Contains(words[i]))
                {
                    words.RemoveAt(i);
                }
            }

            // The first words say where the type belongs and the last what it is: the middle goes first.
            while (words.Count > 2 && Length(words) > max)
            {
                words.RemoveAt(words.Count / 2);
                words = WithoutRepeats(words);
            }
        }

        var shortened = string.Concat(words);
        return shortened.Length > 0 && char.IsDigit(shortened[0]) ? name : shortened;
    }

    /// <summary>
    /// Shorter forms of a name, best first: <see cref="Shorten"/>'s, then, for a name that says a run twice, the name
    /// without its first saying (<c>PullRequestStackPullRequest</c> → <c>StackPullRequest</c>, where
    /// <c>PullRequestStack</c> is another schema's).
    /// </summary>
    public static IEnumerable<string> Alternatives(string name)
    {
        yield return Shorten(name);
        var words = Naming.IdentifierWords(name);
        for (var length = words.Count / 2; length >= 1; length--)
        {
            for (var start = 0; start + length <= words.Count; start++)
            {
                var run = words.Skip(start).Take(length).ToList();
                if (run.Any(IsNumber) || !Contains(words.Skip(start + length).ToList(), run, words.Count - start - length))
                {
                    continue;
                }

                var without = string.Concat(words.Take(start).Concat(words.Skip(start + length)));
                if (without.Length > 0 && !char.IsDigit(without[0]))
                {
                    yield return Shorten(without);
                }
            }
        }

        yield return name;
    }

    /// <summary>Whether the name says a run of words twice: one word twice in a row, or two or more words anywhere.</summary>
    public static bool Repeats(string name) => WithoutRepeats(Naming.IdentifierWords(name)).Count != Naming.IdentifierWords(name).Count;

    private static int Length(List<string> words) => words.Sum(w => w.Length);

    /// <summary>The words, each run said again (one word in a row, or two or more anywhere) said once.</summary>
    private static List<string> WithoutRepeats(List<string> words)
    {
        var result = new List<string>(words.Count);
        foreach (var word in words)
        {
            if (result.Count > 0 && !IsNumber(word) && string.Equals(result[result.Count - 1], word, System.StringComparison.Ordinal))
            {
                continue;
            }

            result.Add(word);
            // A run of two or more words the name already said ends here: drop its second saying.
            for (var length = result.Count / 2; length >= 2; length--)
            {
                var run = result.Skip(result.Count - length).ToList();
                if (run.Any(IsNumber) || !Contains(result, run, result.Count - length))
                {
                    continue;
                }

                result.RemoveRange(result.Count - length, length);
                break;
            }
        }

        return result;
    }

    /// <summary>Whether <paramref name="run"/> occurs in <paramref name="words"/> before <paramref name="end"/>.</summary>
    private static bool Contains(List<string> words, List<string> run, int end)
    {
        for (var start = 0; start + run.Count <= end; start++)
        {
            if (words.Skip(start).Take(run.Count).SequenceEqual(run, System.StringComparer.Ordinal))
            {
                return true;
            }
        }

        return false;
    }

    private static bool IsNumber(string word) => word.Length > 0 && char.IsDigit(word[0]);
}
