using Specgen.Tests.Infrastructure;

namespace Specgen.Tests;

public static class Fixtures
{
    /// <summary>Vercel's whole public API (a copy of ../shared/specs/vercel-openapi-2025-10-27.json).</summary>
    public const string VercelApi = "vercel-openapi-2025-10-27.json";

    /// <summary>GitHub's REST API, 1,100 operations (a copy of ../shared/peer-specs/big/github-api.github.com.json).</summary>
    public const string GitHubApi = "github-api.github.com.json";

    public static string Read(string name) => File.ReadAllText(PathOf(name));

    public static byte[] ReadBytes(string name) => File.ReadAllBytes(PathOf(name));

    private static string PathOf(string name) => Path.Combine(Repository.TestsDirectory, "Fixtures", name);
}
