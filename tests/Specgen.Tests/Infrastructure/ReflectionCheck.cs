using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace Specgen.Tests.Infrastructure;

/// <summary>
/// What the trimming and NativeAOT analyzers look for, in an in-memory compilation: every use of a
/// member marked <c>[RequiresUnreferencedCode]</c> or <c>[RequiresDynamicCode]</c> (such as reflection-based
/// <c>JsonSerializer.Serialize</c>), as "file(line): member".
/// </summary>
public static class ReflectionCheck
{
    private static readonly string[] Markers = { "RequiresUnreferencedCodeAttribute", "RequiresDynamicCodeAttribute" };

    public static IReadOnlyList<string> UsesNeedingReflection(Compilation compilation, IEnumerable<SyntaxTree> trees)
    {
        var found = new List<string>();
        foreach (var tree in trees)
        {
            var model = compilation.GetSemanticModel(tree);
            foreach (var node in tree.GetRoot().DescendantNodes().Where(n => n is SimpleNameSyntax or BaseObjectCreationExpressionSyntax))
            {
                if (model.GetSymbolInfo(node).Symbol is { } symbol && NeedsReflection(symbol))
                {
                    var line = tree.GetLineSpan(node.Span).StartLinePosition.Line + 1;
                    found.Add($"{Path.GetFileName(tree.FilePath)}({line}): {symbol.ToDisplayString()}");
                }
            }
        }

        return found;
    }

    private static bool NeedsReflection(ISymbol symbol)
    {
        var marked = symbol switch
        {
            IPropertySymbol property => new ISymbol?[] { property, property.GetMethod, property.SetMethod },
            IMethodSymbol method => new ISymbol?[] { method, method.ReducedFrom },
            _ => new ISymbol?[] { symbol },
        };
        return marked.Append(symbol.ContainingType)
            .Any(s => s is not null && s.GetAttributes().Any(a => Markers.Contains(a.AttributeClass?.Name)));
    }
}
