using System.Text;
using System.Text.RegularExpressions;

namespace Specgen.Tests.Infrastructure;

/// <summary>
/// A small Verify-like snapshot check: compares text with a checked-in <c>*.verified.cs</c>; on a
/// difference writes <c>*.received.cs</c> beside it and fails with a readable diff.
/// <c>SPECGEN_ACCEPT=1 dotnet test</c> accepts the received text.
/// </summary>
public static class Snapshot
{
    private static bool Accept => Environment.GetEnvironmentVariable("SPECGEN_ACCEPT") == "1";

    /// <summary>Replaces the tool version so a version bump does not rewrite every snapshot.</summary>
    public static string Scrub(string text) =>
        Regex.Replace(text, "GeneratedCode\\(\"Specgen\", \"[^\"]*\"\\)", "GeneratedCode(\"Specgen\", \"{version}\")").Replace("\r\n", "\n");

    /// <summary>Returns null when the text matches, or the failure message.</summary>
    public static string? Check(string directory, string name, string received) => Check(directory, name, received, Accept);

    /// <summary>Like <see cref="Check(string, string, string)"/>, with accept mode given explicitly.</summary>
    public static string? Check(string directory, string name, string received, bool accept)
    {
        var verifiedPath = Path.Combine(directory, name + ".verified.cs");
        var receivedPath = Path.Combine(directory, name + ".received.cs");
        received = Scrub(received);
        var verified = File.Exists(verifiedPath) ? File.ReadAllText(verifiedPath).Replace("\r\n", "\n") : null;
        if (verified == received)
        {
            File.Delete(receivedPath);
            return null;
        }

        Directory.CreateDirectory(directory);
        if (accept)
        {
            File.WriteAllText(verifiedPath, received);
            File.Delete(receivedPath);
            return null;
        }

        File.WriteAllText(receivedPath, received);
        return verified is null
            ? $"{name}: no verified snapshot yet; review {receivedPath} and accept it with SPECGEN_ACCEPT=1."
            : $"{name}: output differs from {verifiedPath} (received text written to {receivedPath}):\n{Diff(verified, received)}";
    }

    /// <summary>The first differing lines, with a little context.</summary>
    public static string Diff(string expected, string actual)
    {
        var left = expected.Split('\n');
        var right = actual.Split('\n');
        var first = 0;
        while (first < left.Length && first < right.Length && left[first] == right[first])
        {
            first++;
        }

        var builder = new StringBuilder();
        for (var i = Math.Max(0, first - 2); i < Math.Min(Math.Max(left.Length, right.Length), first + 6); i++)
        {
            var l = i < left.Length ? left[i] : null;
            var r = i < right.Length ? right[i] : null;
            if (l == r)
            {
                builder.Append("  ").Append(i + 1).Append(": ").AppendLine(l);
                continue;
            }

            if (l is not null)
            {
                builder.Append("- ").Append(i + 1).Append(": ").AppendLine(l);
            }

            if (r is not null)
            {
                builder.Append("+ ").Append(i + 1).Append(": ").AppendLine(r);
            }
        }

        return builder.ToString();
    }
}
