using System;
using System.Collections.Generic;
using System.Linq;
using System.Text;
using System.Text.RegularExpressions;
using Specgen.Generator.Common;

namespace Specgen.Generator.Configuration;

/// <summary>
/// Which operations of a spec a project generates, from its item's metadata:
/// <c>IncludeTags="Projects;Deployments" IncludePaths="/v9/projects/**" ExcludeOperations="deleteProject"</c>.
/// Each kind of include that is given must match (a tag of the operation, its path template, its operationId),
/// any of its values will do; an operation any exclude matches is left out. Paths and operationIds are globs:
/// <c>*</c> within a segment, <c>**</c> across them, <c>?</c> one character. Tags compare ignoring case, as the
/// spec writes them or as their group's name (<c>domains-registrar</c> or <c>DomainsRegistrar</c>).
/// </summary>
internal sealed record OperationFilter(
    EquatableArray<string> IncludeTags,
    EquatableArray<string> ExcludeTags,
    EquatableArray<string> IncludePaths,
    EquatableArray<string> ExcludePaths,
    EquatableArray<string> IncludeOperations,
    EquatableArray<string> ExcludeOperations,
    bool KeepUnusedSchemas = false)
{
    public static readonly OperationFilter None = new(default, default, default, default, default, default);

    /// <summary>Whether any operation may be left out.</summary>
    public bool Filters => IncludeTags.Count + ExcludeTags.Count + IncludePaths.Count + ExcludePaths.Count + IncludeOperations.Count + ExcludeOperations.Count > 0;

    /// <summary>The filter's values by the metadata that gave them, for saying which one matched nothing.</summary>
    public IEnumerable<(string Metadata, string Value)> Values() =>
        IncludeTags.Select(v => ("IncludeTags", v)).Concat(ExcludeTags.Select(v => ("ExcludeTags", v)))
            .Concat(IncludePaths.Select(v => ("IncludePaths", v))).Concat(ExcludePaths.Select(v => ("ExcludePaths", v)))
            .Concat(IncludeOperations.Select(v => ("IncludeOperations", v))).Concat(ExcludeOperations.Select(v => ("ExcludeOperations", v)));

    /// <summary>Whether the operation is generated: each kind of include given has a value that matches, and no exclude does.</summary>
    public bool Keeps(IReadOnlyCollection<string> tags, string path, string? operationId)
    {
        bool Any(string metadata, EquatableArray<string> values) => values.Any(v => Matches(metadata, v, tags, path, operationId));
        return (IncludeTags.Count == 0 || Any("IncludeTags", IncludeTags))
            && (IncludePaths.Count == 0 || Any("IncludePaths", IncludePaths))
            && (IncludeOperations.Count == 0 || Any("IncludeOperations", IncludeOperations))
            && !Any("ExcludeTags", ExcludeTags) && !Any("ExcludePaths", ExcludePaths) && !Any("ExcludeOperations", ExcludeOperations);
    }

    /// <summary>Whether one value of the filter matches the operation (for the warning on one that matches none).</summary>
    public static bool Matches(string metadata, string value, IReadOnlyCollection<string> tags, string path, string? operationId) => metadata switch
    {
        "IncludeTags" or "ExcludeTags" => HasTag(tags, value),
        "IncludePaths" or "ExcludePaths" => Glob(value, path),
        _ => operationId is not null && Glob(value, operationId),
    };

    /// <summary>Reads the six lists (values split on <c>;</c> and <c>,</c>) and KeepUnusedSchemas.</summary>
    public static OperationFilter Read(Func<string, string?> metadata)
    {
        EquatableArray<string> List(string name) =>
            (metadata(name) ?? string.Empty).Split(new[] { ';', ',' }, StringSplitOptions.RemoveEmptyEntries)
                .Select(v => v.Trim()).Where(v => v.Length > 0).ToEquatableArray();
        return new OperationFilter(
            List("IncludeTags"), List("ExcludeTags"), List("IncludePaths"), List("ExcludePaths"), List("IncludeOperations"), List("ExcludeOperations"),
            string.Equals(metadata("KeepUnusedSchemas"), "true", StringComparison.OrdinalIgnoreCase));
    }

    private static bool HasTag(IReadOnlyCollection<string> tags, string wanted) =>
        tags.Any(t => string.Equals(t, wanted, StringComparison.OrdinalIgnoreCase)
            || string.Equals(Modelling.Naming.Pascal(t, "Other"), Modelling.Naming.Pascal(wanted, "Other"), StringComparison.OrdinalIgnoreCase));

    /// <summary>Whether <paramref name="text"/> matches the glob: <c>**</c> anything, <c>*</c> anything but <c>/</c>, <c>?</c> one character but <c>/</c>.</summary>
    public static bool Glob(string pattern, string text)
    {
        var regex = new StringBuilder("^");
        for (var i = 0; i < pattern.Length; i++)
        {
            if (pattern[i] == '*' && i + 1 < pattern.Length && pattern[i + 1] == '*')
            {
                regex.Append(".*");
                i++;
            }
            else
            {
                regex.Append(pattern[i] switch { '*' => "[^/]*", '?' => "[^/]", var c => Regex.Escape(c.ToString()) });
            }
        }

        return Regex.IsMatch(text, regex.Append('$').ToString(), RegexOptions.CultureInvariant, TimeSpan.FromSeconds(1));
    }
}
