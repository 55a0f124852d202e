using System;
using System.Collections.Generic;
using System.Globalization;
using System.Text;
using Microsoft.CodeAnalysis.CSharp;

namespace Specgen.Generator.Modelling;

/// <summary>Turns wire names into C# identifiers: PascalCase or camelCase, valid, never a keyword.</summary>
internal static class Naming
{
    public static string Pascal(string? text, string fallback = "Value")
    {
        var words = WireWords(text);
        if (words.Count == 0)
        {
            return fallback;
        }

        var builder = new StringBuilder();
        foreach (var word in words)
        {
            builder.Append(char.ToUpperInvariant(word[0]));
            builder.Append(word.Substring(1));
        }

        return MakeValid(builder.ToString(), fallback);
    }

    public static string Camel(string? text, string fallback = "value")
    {
        var pascal = Pascal(text, Pascal(fallback));
        var camel = pascal.Length > 1 && char.IsUpper(pascal[1])
            ? LowerLeadingCapitals(pascal)
            : char.ToLowerInvariant(pascal[0]) + pascal.Substring(1);
        return EscapeKeyword(camel);
    }

    /// <summary>A plain English singular, for naming the item type of a list (<c>secrets</c> → <c>Secret</c>).</summary>
    public static string Singular(string name)
    {
        if (name.EndsWith("ies", StringComparison.Ordinal) && name.Length > 4)
        {
            return name.Substring(0, name.Length - 3) + "y";
        }

        if (name.EndsWith("sses", StringComparison.Ordinal) || name.EndsWith("uses", StringComparison.Ordinal))
        {
            return name.Substring(0, name.Length - 2);
        }

        if (name.EndsWith("s", StringComparison.Ordinal) && !name.EndsWith("ss", StringComparison.Ordinal) && name.Length > 3)
        {
            return name.Substring(0, name.Length - 1);
        }

        return name;
    }

    public static string EscapeKeyword(string identifier) =>
        SyntaxFacts.GetKeywordKind(identifier) != SyntaxKind.None || SyntaxFacts.GetContextualKeywordKind(identifier) != SyntaxKind.None
            ? "@" + identifier
            : identifier;

    /// <summary>A wire name's words: splits on anything that is not a letter or digit and on lower→upper case changes.</summary>
    private static List<string> WireWords(string? text)
    {
        var words = new List<string>();
        if (string.IsNullOrEmpty(text))
        {
            return words;
        }

        var current = new StringBuilder();
        for (var i = 0; i < text!.Length; i++)
        {
            var c = text[i];
            if (!IsIdentifierChar(c))
            {
                Flush(words, current);
                continue;
            }

            if (current.Length > 0 && char.IsUpper(c) && char.IsLower(current[current.Length - 1]))
            {
                Flush(words, current);
            }

            current.Append(c);
        }

        Flush(words, current);
        return words;
    }

    /// <summary>A PascalCase identifier's words: <c>HTTPSProxy2Url</c> → <c>HTTPS</c>, <c>Proxy</c>, <c>2</c>, <c>Url</c>; an underscore is its own word.</summary>
    public static List<string> IdentifierWords(string name)
    {
        var words = new List<string>();
        var current = new StringBuilder();
        for (var i = 0; i < name.Length; i++)
        {
            var c = name[i];
            var boundary = current.Length > 0 && (
                (char.IsUpper(c) && !char.IsUpper(current[current.Length - 1]))
                || (char.IsUpper(c) && i + 1 < name.Length && char.IsLower(name[i + 1]) && char.IsUpper(current[current.Length - 1]))
                || (char.IsDigit(c) != char.IsDigit(current[current.Length - 1]))
                || c == '_' || current[current.Length - 1] == '_');
            if (boundary)
            {
                words.Add(current.ToString());
                current.Clear();
            }

            current.Append(c);
        }

        if (current.Length > 0)
        {
            words.Add(current.ToString());
        }

        return words;
    }

    private static bool IsIdentifierChar(char c)
    {
        var category = CharUnicodeInfo.GetUnicodeCategory(c);
        return category is UnicodeCategory.UppercaseLetter or UnicodeCategory.LowercaseLetter or UnicodeCategory.TitlecaseLetter
            or UnicodeCategory.ModifierLetter or UnicodeCategory.OtherLetter or UnicodeCategory.DecimalDigitNumber;
    }

    private static void Flush(List<string> words, StringBuilder current)
    {
        if (current.Length > 0)
        {
            words.Add(current.ToString());
            current.Clear();
        }
    }

    private static string MakeValid(string identifier, string fallback)
    {
        if (identifier.Length == 0)
        {
            return fallback;
        }

        return char.IsDigit(identifier[0]) ? "_" + identifier : identifier;
    }

    private static string LowerLeadingCapitals(string pascal)
    {
        // "URLPath" -> "urlPath", "ID" -> "id"
        var chars = pascal.ToCharArray();
        for (var i = 0; i < chars.Length; i++)
        {
            var nextIsLower = i + 1 < chars.Length && char.IsLower(chars[i + 1]);
            if (i > 0 && nextIsLower)
            {
                break;
            }

            chars[i] = char.ToLowerInvariant(chars[i]);
        }

        return new string(chars);
    }

    private static readonly HashSet<string> GenericNames = new(StringComparer.Ordinal)
    {
        "Item", "Items", "Value", "Values", "Data", "Result", "Results", "Properties", "Options", "Details", "Info",
    };

    /// <summary>A name that says nothing on its own (<c>Items</c>, <c>Data</c>): a type made from it takes its parent's name as a prefix.</summary>
    public static bool IsGeneric(string name) => GenericNames.Contains(name);

    /// <summary>
    /// Types of the System namespaces a user's code names all the time. A generated type with one of
    /// these names makes <c>Environment.GetEnvironmentVariable</c> ambiguous in a file that imports both
    /// namespaces (CS0104), so such a type takes its parent's name as a prefix instead.
    /// </summary>
    public static readonly string[] ShadowedSystemTypes =
    {
        "Action", "Activator", "Array", "Attribute", "Boolean", "Buffer", "Byte", "Char", "Console", "Convert",
        "DateTime", "DateTimeOffset", "Decimal", "Delegate", "Directory", "Double", "Enum", "Environment",
        "Exception", "File", "Func", "GC", "Guid", "Half", "HttpClient", "Index", "Int16", "Int32", "Int64",
        "Lazy", "List", "Dictionary", "Math", "Memory", "Nullable", "Object", "Path", "Random", "Range", "Single",
        "Span", "Stream", "String", "Task", "Thread", "TimeSpan", "Timer", "Tuple", "Type", "Uri", "Version", "Void",
    };
}

/// <summary>Hands out distinct names within one scope (the types of a spec, the members of a type).</summary>
internal sealed class NameScope
{
    private readonly HashSet<string> _taken;
    private readonly Dictionary<string, string> _wireNames = new(StringComparer.Ordinal);

    public NameScope(IEnumerable<string>? reserved = null) =>
        _taken = new HashSet<string>(reserved ?? Array.Empty<string>(), StringComparer.Ordinal);

    public bool IsTaken(string name) => _taken.Contains(name);

    /// <summary>A scope holding what this one holds, to claim more in without claiming them here.</summary>
    public NameScope Copy()
    {
        var copy = new NameScope(_taken);
        foreach (var pair in _wireNames)
        {
            copy._wireNames[pair.Key] = pair.Value;
        }

        return copy;
    }

    /// <summary>Takes names no one may claim later (those already claimed keep their owner).</summary>
    public void Reserve(IEnumerable<string> names) => _taken.UnionWith(names);

    /// <summary>Claims <paramref name="preferred"/>, or the first of its numbered forms that is free.</summary>
    public string Claim(string preferred)
    {
        // _1 and -1 are _1 and _1_2, not _12.
        var stem = preferred.Length > 0 && char.IsDigit(preferred[preferred.Length - 1]) ? preferred + "_" : preferred;
        var name = preferred;
        for (var i = 2; !_taken.Add(name); i++)
        {
            name = stem + i.ToString(CultureInfo.InvariantCulture);
        }

        return name;
    }

    /// <summary>
    /// Claims a name for something the spec names <paramref name="wireName"/>. When a different wire
    /// name already holds <paramref name="preferred"/> (<c>foo_bar</c> and <c>foo-bar</c> are both
    /// <c>FooBar</c>), <paramref name="clash"/> is that wire name and the name is numbered.
    /// </summary>
    public string Claim(string preferred, string wireName, out string? clash)
    {
        clash = _wireNames.TryGetValue(preferred, out var other) && other != wireName ? other : null;
        var name = Claim(preferred);
        _wireNames[name] = wireName;
        if (!_wireNames.ContainsKey(preferred))
        {
            _wireNames[preferred] = wireName;
        }

        return name;
    }
}
