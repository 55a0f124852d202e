using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using Specgen.Generator.Diagnostics;

namespace Specgen.Generator.Configuration;

/// <summary>
/// One spec file's settings, read once from its item metadata (<c>build_metadata.AdditionalFiles.Specgen*</c>)
/// into plain data, so unrelated option changes do not re-run the spec.
/// </summary>
/// <param name="Filter">Which operations are generated (<see cref="OperationFilter"/>); null for all of them.</param>
internal sealed record SpecOptions(string FilePath, string Namespace, string? ClientName, string Accessibility, string HintPrefix, OperationFilter? Filter = null)
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
        var projectDirectory = provider.GlobalOptions.TryGetValue("build_property.ProjectDir", out var directory) ? directory : null;
        var filter = OperationFilter.Read(name => Get(options, "Specgen" + name));
        return new SpecOptions(file.Path, ns ?? rootNamespace, clientName, accessibility, HintPrefixOf(file.Path, projectDirectory), filter.Filters || filter.KeepUnusedSchemas ? filter : null);
    }

    private static string? Get(AnalyzerConfigOptions options, string name) =>
        options.TryGetValue(Prefix + name, out var value) && !string.IsNullOrWhiteSpace(value) ? value.Trim() : null;

    /// <summary>
    /// A hint-name prefix, letters, digits and dots only, unique among the project's specs: the spec's
    /// path in the project (<c>specs/billing/api.yaml</c> → <c>specs.billing.api</c>); for a spec outside
    /// the project, its file name and a hash of its full path; just the file name when the project
    /// directory is unknown (as in a bare compiler run).
    /// </summary>
    private static string HintPrefixOf(string path, string? projectDirectory)
    {
        var name = Path.GetFileNameWithoutExtension(path);
        if (projectDirectory is { Length: > 0 })
        {
            if (path.StartsWith(projectDirectory, StringComparison.OrdinalIgnoreCase))
            {
                var folder = Path.GetDirectoryName(path.Substring(projectDirectory.Length).TrimStart('/', '\\'));
                name = string.IsNullOrEmpty(folder) ? name : folder + "." + name;
            }
            else
            {
                name += "." + StableHash(path).ToString("x8", System.Globalization.CultureInfo.InvariantCulture);
            }
        }

        var builder = new StringBuilder();
        foreach (var c in name)
        {
            builder.Append(char.IsLetterOrDigit(c) && c < 128 ? c : c is '/' or '\\' or '.' ? '.' : '_');
        }

        return builder.Length == 0 ? "spec" : builder.ToString();
    }

    /// <summary>FNV-1a over the UTF-16 code units: the same on every run, unlike <see cref="string.GetHashCode()"/>.</summary>
    private static uint StableHash(string text)
    {
        var hash = 2166136261u;
        foreach (var c in text)
        {
            hash = (hash ^ c) * 16777619u;
        }

        return hash;
    }

    /// <summary>
    /// These options with any name that is not valid C# replaced by a valid one, and a warning for each;
    /// the metadata comes from the project file, but a typo there must not break the generated code.
    /// </summary>
    public SpecOptions Checked(List<DiagnosticInfo> diagnostics)
    {
        var checkedOptions = this;
        if (!IsValidNamespace(Namespace))
        {
            diagnostics.Add(DiagnosticInfo.Create(Descriptors.InvalidOption, LocationInfo.StartOf(FilePath), "Namespace", Namespace, "namespace", Fallback));
            checkedOptions = checkedOptions with { Namespace = Fallback };
        }

        if (ClientName is not null && !IsValidIdentifier(ClientName))
        {
            var name = Modelling.Naming.Pascal(ClientName, "Api") is var pascal && pascal.EndsWith("Client", StringComparison.Ordinal) ? pascal : pascal + "Client";
            diagnostics.Add(DiagnosticInfo.Create(Descriptors.InvalidOption, LocationInfo.StartOf(FilePath), "ClientName", ClientName, "type name", name));
            checkedOptions = checkedOptions with { ClientName = name };
        }

        return checkedOptions;
    }

    private const string Fallback = "Specgen.Generated";

    private static bool IsValidNamespace(string text) => text.Split('.').All(IsValidIdentifier);

    private static bool IsValidIdentifier(string text) =>
        SyntaxFacts.IsValidIdentifier(text) && SyntaxFacts.GetKeywordKind(text) == SyntaxKind.None
        && text != "global";
}

/// <summary>
/// A spec file's text and options, and the other files it refers to: the input of the parse step, so
/// editing any of them re-runs the spec and editing anything else does not.
/// </summary>
internal sealed record SpecInput(SpecOptions Options, string Text, Common.EquatableArray<Reading.SpecPart> Parts = default);
