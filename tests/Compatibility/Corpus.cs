namespace Specgen.Compatibility;

/// <summary>
/// The specs of a corpus directory: the entries its <c>ENTRIES.txt</c> lists (the peer corpus, whose
/// multi-file specs have other files beside them), else every JSON and YAML file outside its npm
/// install; in a fixed order.
/// </summary>
internal static class Corpus
{
    public const string EntriesFile = "ENTRIES.txt";

    public static IReadOnlyList<string> Specs(string directory) =>
        File.Exists(Path.Combine(directory, EntriesFile))
            ? File.ReadAllLines(Path.Combine(directory, EntriesFile)).Where(line => line.Trim().Length > 0).Select(line => Path.Combine(directory, line.Trim())).ToList()
            : Directory.EnumerateFiles(directory, "*", SearchOption.AllDirectories)
                .Where(IsSpecFile)
                .Where(path => !Path.GetRelativePath(directory, path).StartsWith(".npm", StringComparison.Ordinal))
                .Order(StringComparer.Ordinal)
                .ToList();

    /// <summary>
    /// The other files a spec of the peer corpus may refer to: those of its multi-file folder
    /// (<c>repo/spec/…</c>), as the package would add the files in a spec's folder. None for a
    /// single-file spec (<c>repo/NAME</c>) or a spec of the npm corpus.
    /// </summary>
    public static IReadOnlyList<string> Parts(string directory, string spec)
    {
        var segments = Path.GetRelativePath(directory, spec).Replace('\\', '/').Split('/');
        if (!File.Exists(Path.Combine(directory, EntriesFile)) || segments.Length < 3 || segments[0] == "swagger2")
        {
            return [];
        }

        return Directory.EnumerateFiles(Path.Combine(directory, segments[0], segments[1]), "*", SearchOption.AllDirectories)
            .Where(IsSpecFile)
            .Where(path => path != spec)
            .Order(StringComparer.Ordinal)
            .ToList();
    }

    private static bool IsSpecFile(string path) => Path.GetExtension(path) is ".json" or ".yaml" or ".yml";
}
