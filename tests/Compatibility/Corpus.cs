namespace Specgen.Compatibility;

/// <summary>The specs of a corpus directory: every JSON and YAML file outside its npm install, in a fixed order.</summary>
internal static class Corpus
{
    public static IReadOnlyList<string> Specs(string directory) =>
        Directory.EnumerateFiles(directory, "*", SearchOption.AllDirectories)
            .Where(path => Path.GetExtension(path) is ".json" or ".yaml" or ".yml")
            .Where(path => !Path.GetRelativePath(directory, path).StartsWith(".npm", StringComparison.Ordinal))
            .Order(StringComparer.Ordinal)
            .ToList();
}
