using Specgen.Tests.Infrastructure;

namespace Specgen.Tests;

public static class Fixtures
{
    public static string Read(string name) => File.ReadAllText(Path.Combine(Repository.TestsDirectory, "Fixtures", name));
}
