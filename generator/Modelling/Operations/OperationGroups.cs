using System.Collections.Generic;
using System.Linq;
using System.Text.Json.Nodes;
using Specgen.Generator.Common;
using Specgen.Generator.Model;

namespace Specgen.Generator.Modelling;

/// <summary>
/// Which sub-client each operation belongs to. When the operations carry more than one group — their first
/// tag, or <c>x-specgen-group</c> — each group is a sub-client the root client reaches as a property
/// (<c>client.Projects.UpdateProjectAsync(…)</c>); an operation without one stays on the root, and a spec with
/// one group or none stays flat. A method drops a leading group name (GitHub's <c>repos/get</c>, <c>ReposGetAsync</c>,
/// is <c>client.Repos.GetAsync</c>) when no other method of its group has the shorter name.
/// </summary>
internal static class OperationGroups
{
    /// <summary>The root client's own members, which no group property may hide (a tag <c>get-type</c> would be <c>GetType</c>).</summary>
    private static readonly HashSet<string> RootMembers = new(ReservedNames.Client, System.StringComparer.Ordinal);

    /// <summary>The operation extension that puts it in a group of its own choosing; an empty name keeps it on the root client.</summary>
    public const string GroupExtension = NamingOverrides.Prefix + "group";

    /// <param name="documentGroups">How many groups the whole document has, operations a filter leaves out included: a filtered client is grouped as the whole one is.</param>
    public static (List<OperationModel> Operations, EquatableArray<GroupModel> Groups) Assign(ModelContext context, List<OperationModel> operations, string clientName, int documentGroups)
    {
        var names = operations.Where(o => o.Group is not null).Select(o => o.Group!).Distinct(System.StringComparer.Ordinal).ToList();
        // A group whose name is one of the root client's own members is no group: its operations stay on the root.
        operations = operations.Select(o => o.Group is { } group && (RootMembers.Contains(group) || group == clientName) ? o with { Group = null } : o).ToList();
        if (documentGroups < 2)
        {
            return (operations.Select(o => o.Group is null ? o : o with { Group = null }).ToList(), EquatableArray<GroupModel>.Empty);
        }

        var descriptions = TagDescriptions(context.Spec.Root);
        var groups = new List<GroupModel>();
        var renamed = new Dictionary<(string Group, string Method), string>();
        foreach (var name in names)
        {
            if (!operations.Any(o => o.Group == name))
            {
                continue;
            }

            // A group's class and interface are types of the namespace: a schema keeps a name it has.
            var className = name + "Client";
            for (var i = 2; context.TypeNames.IsTaken(className) || context.TypeNames.IsTaken("I" + className) || className == clientName; i++)
            {
                className = name + "Client" + i.ToString(System.Globalization.CultureInfo.InvariantCulture);
            }

            context.TypeNames.Claim(className);
            context.TypeNames.Claim("I" + className);
            descriptions.TryGetValue(name, out var description);
            groups.Add(new GroupModel(name, className, description));
            foreach (var pair in ShortMethodNames(name, operations.Where(o => o.Group == name).Select(o => o.MethodName).ToList()))
            {
                renamed[(name, pair.Key)] = pair.Value;
            }
        }

        string Rename(string? group, string method) => group is not null && renamed.TryGetValue((group, method), out var shorter) ? shorter : method;
        var assigned = operations
            .Select(o => o with { MethodName = Rename(o.Group, o.MethodName), AlternativeOf = o.AlternativeOf is { } first ? Rename(o.Group, first) : null })
            .ToList();
        return (assigned, groups.ToEquatableArray());
    }

    /// <summary>
    /// The methods of a group that start with its name, without it (<c>ReposGetAsync</c> in Repos → <c>GetAsync</c>),
    /// where the shorter name is still a name and no other method of the group has it.
    /// </summary>
    private static Dictionary<string, string> ShortMethodNames(string group, List<string> methods)
    {
        var taken = new HashSet<string>(methods, System.StringComparer.Ordinal);
        var shorter = new Dictionary<string, string>(System.StringComparer.Ordinal);
        foreach (var method in methods)
        {
            if (method.Length > group.Length + "Async".Length && method.StartsWith(group, System.StringComparison.Ordinal)
                && char.IsUpper(method[group.Length]) && method.Substring(group.Length) is var rest && !taken.Contains(rest))
            {
                shorter[method] = rest;
            }
        }

        // Two methods shortened to one name (never, as the full names differ by their rest) keep theirs.
        return shorter.GroupBy(p => p.Value, System.StringComparer.Ordinal).Where(g => g.Count() == 1).SelectMany(g => g)
            .ToDictionary(p => p.Key, p => p.Value, System.StringComparer.Ordinal);
    }

    /// <summary>The descriptions of the spec's tags, by group name.</summary>
    private static Dictionary<string, string> TagDescriptions(JsonNode root)
    {
        var descriptions = new Dictionary<string, string>(System.StringComparer.Ordinal);
        foreach (var tag in (root["tags"] as JsonArray ?? new JsonArray()).OfType<JsonObject>())
        {
            if (tag["name"] is JsonValue name && name.TryGetValue(out string? text) && tag["description"] is JsonValue description && description.TryGetValue(out string? about))
            {
                descriptions[Naming.Pascal(text, "Other")] = about;
            }
        }

        return descriptions;
    }

    /// <summary>The group an operation names: its <c>x-specgen-group</c>, else its first tag in the spec's own order; null for none.</summary>
    public static string? Of(PartAt operation)
    {
        if (operation.Node is JsonObject node && node[GroupExtension] is JsonValue given && given.TryGetValue(out string? chosen))
        {
            return string.IsNullOrWhiteSpace(chosen) ? null : Naming.Pascal(chosen, "Other");
        }

        return operation.Child("tags").Item(0).Text is { } name ? Naming.Pascal(name, "Other") : null;
    }
}
