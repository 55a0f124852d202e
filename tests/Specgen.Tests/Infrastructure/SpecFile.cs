using System.Collections.Immutable;

namespace Specgen.Tests.Infrastructure;

/// <summary>A spec as a test hands it to the generator: path, text and item metadata.</summary>
public sealed record SpecFile(string Path, string Text, string? Namespace = "Vercel", string? ClientName = "VercelClient", string? Visibility = null, bool IsMarked = true)
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

        if (Namespace is null && ClientName is null)
        {
            builder["build_metadata.AdditionalFiles.SpecgenSpec"] = "true";
        }

        return builder.ToImmutable();
    }
}
