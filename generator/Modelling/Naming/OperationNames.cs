using System.Collections.Generic;
using System.Linq;
using System.Text.RegularExpressions;
using Microsoft.OpenApi;

namespace Specgen.Generator.Modelling;

/// <summary>
/// What an operationId a framework made up stands for, found once for the whole document:
/// <list type="bullet">
/// <item><description>
/// FastAPI's default is the function's name, then the path with every non-word character as <c>_</c>,
/// then the method (<c>read_items_items__get</c>): when the rest is exactly that, the name is the
/// function's (<c>read_items</c>).
/// </description></item>
/// <item><description>
/// NestJS's default is <c>{Controller}_{method}</c> (<c>CatsController_create</c>): the method's name, or,
/// when two controllers have a method of that name, the method and the controller's subject
/// (<c>createCat</c>).
/// </description></item>
/// </list>
/// A shortened name another operation's id or name already has is not used: that operation keeps its id.
/// </summary>
internal static class OperationNames
{
    private static readonly Regex NestId = new("^([A-Za-z][A-Za-z0-9]*)Controller_([A-Za-z_$][A-Za-z0-9_$]*)$", RegexOptions.CultureInvariant);
    private static readonly Regex NonWord = new(@"[^\w]", RegexOptions.CultureInvariant);

    /// <summary>The name each shortened operationId stands for, by operationId.</summary>
    public static IReadOnlyDictionary<string, string> Find(OpenApiDocument document)
    {
        var operations = new List<(string Id, string Method, string Path)>();
        foreach (var path in document.Paths ?? new OpenApiPaths())
        {
            foreach (var pair in path.Value?.Operations ?? new Dictionary<System.Net.Http.HttpMethod, OpenApiOperation>())
            {
                if (pair.Value?.OperationId is { Length: > 0 } id)
                {
                    operations.Add((id, pair.Key.Method, path.Key));
                }
            }
        }

        var nest = operations.Select(o => NestId.Match(o.Id)).Where(m => m.Success).ToList();
        var nestMethods = nest.GroupBy(m => m.Groups[2].Value, System.StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.Count(), System.StringComparer.Ordinal);
        var candidates = new Dictionary<string, string>(System.StringComparer.Ordinal);
        foreach (var (id, method, path) in operations)
        {
            var fastApiSuffix = NonWord.Replace(path, "_") + "_" + method.ToLowerInvariant();
            if (id.Length > fastApiSuffix.Length && id.EndsWith(fastApiSuffix, System.StringComparison.Ordinal))
            {
                candidates[id] = id.Substring(0, id.Length - fastApiSuffix.Length);
            }
            else if (NestId.Match(id) is { Success: true } match)
            {
                var name = match.Groups[2].Value;
                candidates[id] = nestMethods[name] == 1 ? name : name + Naming.Singular(Naming.Pascal(match.Groups[1].Value, "Controller"));
            }
        }

        // A short name that is another operation's id, or two operations' short name, would change which
        // method is which: those keep their ids.
        var ids = new HashSet<string>(operations.Select(o => Naming.Pascal(o.Id, "Call")), System.StringComparer.Ordinal);
        var taken = candidates.GroupBy(c => Naming.Pascal(c.Value, "Call"), System.StringComparer.Ordinal).Where(g => g.Count() > 1 || ids.Contains(g.Key)).Select(g => g.Key);
        var clashes = new HashSet<string>(taken, System.StringComparer.Ordinal);
        return candidates.Where(c => !clashes.Contains(Naming.Pascal(c.Value, "Call"))).ToDictionary(c => c.Key, c => c.Value, System.StringComparer.Ordinal);
    }
}
