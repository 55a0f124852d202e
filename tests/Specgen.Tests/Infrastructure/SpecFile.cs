using System.Collections.Immutable;

namespace Specgen.Tests.Infrastructure;

/// <summary>A spec as a test hands it to the generator: path, text and item metadata.</summary>
/// <param name="Path">Where the spec is, as the compiler sees it.</param>
/// <param name="Text">The spec.</param>
/// <param name="Namespace">The item's Namespace; null for none.</param>
/// <param name="ClientName">The item's ClientName; null for none.</param>
/// <param name="Visibility">The item's Visibility; null for none.</param>
/// <param name="IsMarked">Whether it is a spec item at all.</param>
/// <param name="Items">More of the item's metadata, as MSBuild passes it (<c>IncludeTags</c> → <c>SpecgenIncludeTags</c>).</param>
public sealed record SpecFile(string Path, string Text, string? Namespace = "Vercel", string? ClientName = "VercelClient", string? Visibility = null, bool IsMarked = true, IReadOnlyDictionary<string, string>? Items = null)
{
    public static SpecFile FromRepository() => new("spec/vercel-integration-stores.yaml", File.ReadAllText(Repository.SpecPath));

    public ImmutableDictionary<string, string> Metadata()
    {
        var builder = ImmutableDictionary.CreateBuilder<string, string>();
        if (!IsMarked)
        {
            return builder.ToImmutable();
        }

        if (Namespace is not null)
        {
            builder["build_metadata.AdditionalFiles.SpecgenNamespace"] = Namespace;
        }

        if (ClientName is not null)
        {
            builder["build_metadata.AdditionalFiles.SpecgenClientName"] = ClientName;
        }

        if (Visibility is not null)
        {
            builder["build_metadata.AdditionalFiles.SpecgenVisibility"] = Visibility;
        }

        foreach (var (name, value) in Items ?? new Dictionary<string, string>())
        {
            builder["build_metadata.AdditionalFiles.Specgen" + name] = value;
        }

        if (Namespace is null && ClientName is null)
        {
            builder["build_metadata.AdditionalFiles.SpecgenSpec"] = "true";
        }

        return builder.ToImmutable();
    }
}
