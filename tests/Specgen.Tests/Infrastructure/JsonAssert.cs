using System.Text.Json.Nodes;
using Xunit;

namespace Specgen.Tests.Infrastructure;

/// <summary>JSON comparisons for round trips: the same values, whatever the spacing and escaping.</summary>
public static class JsonAssert
{
    /// <summary>Fails with a line diff when the two documents are not the same JSON.</summary>
    public static void Equivalent(string expected, string actual, string? context = null) =>
        Assert.True(
            JsonNode.DeepEquals(JsonNode.Parse(expected), JsonNode.Parse(actual)),
            (context is null ? string.Empty : context + ": ") + Snapshot.Diff(expected, actual));
}
