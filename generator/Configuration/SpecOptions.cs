using System;
using System.IO;
using System.Text;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace Specgen.Generator.Configuration;

/// <summary>
/// One spec file's settings, read once from its item metadata (<c>build_metadata.AdditionalFiles.Specgen*</c>)
/// into plain data, so unrelated option changes do not re-run the spec.
/// </summary>
internal sealed record SpecOptions(string FilePath, string Namespace, string? ClientName, string Accessibility, string HintPrefix)
{
    private const string Prefix = "build_metadata.AdditionalFiles.";

    /// <summary>The options for <paramref name="file"/>, or null when the file is not marked as a spec.</summary>
    public static SpecOptions? Read(AdditionalText file, AnalyzerConfigOptionsProvider provider)
    {
        var options = provider.GetOptions(file);
        var ns = Get(options, "SpecgenNamespace");
        var clientName = Get(options, "SpecgenClientName");
        var isSpec = Get(options, "SpecgenSpec");
        if (ns is null && clientName is null && !string.Equals(isSpec, "true", StringComparison.OrdinalIgnoreCase))
        {
            return null;
        }

        var rootNamespace = provider.GlobalOptions.TryGetValue("build_property.RootNamespace", out var root) && root.Length > 0 ? root : "Specgen.Generated";
        var accessibility = string.Equals(Get(options, "SpecgenVisibility"), "internal", StringComparison.OrdinalIgnoreCase) ? "internal" : "public";
        return new SpecOptions(file.Path, ns ?? rootNamespace, clientName, accessibility, HintPrefixOf(file.Path));
    }

    private static string? Get(AnalyzerConfigOptions options, string name) =>
        options.TryGetValue(Prefix + name, out var value) && !string.IsNullOrWhiteSpace(value) ? value.Trim() : null;

    /// <summary>A hint-name prefix from the file name: letters, digits and dots only.</summary>
    private static string HintPrefixOf(string path)
    {
        var name = Path.GetFileNameWithoutExtension(path);
        var builder = new StringBuilder();
        foreach (var c in name)
        {
            builder.Append(char.IsLetterOrDigit(c) && c < 128 ? c : '_');
        }

        return builder.Length == 0 ? "spec" : builder.ToString();
    }
}

/// <summary>A spec file's text and options: the input of the parse step.</summary>
internal sealed record SpecInput(SpecOptions Options, string Text);
