using System.Collections.Generic;
using System.Threading;
using Specgen.Generator.Diagnostics;
using Specgen.Generator.Modelling.Model;
using Specgen.Generator.Reading;

namespace Specgen.Generator.Modelling;

/// <summary>
/// The state shared while modelling one spec: the types made so far, their names, the shapes already
/// seen (so identical inline schemas become one type), and the diagnostics.
/// </summary>
internal sealed class ModelContext(ReadSpec spec, IEnumerable<string> reservedNames, CancellationToken cancellationToken)
{
    private readonly List<TypeModel> _types = new();

    public ReadSpec Spec { get; } = spec;

    public CancellationToken CancellationToken { get; } = cancellationToken;

    public NameScope TypeNames { get; } = new(reservedNames);

    /// <summary>Names the spec asks for with <c>x-specgen-name</c>, by shape.</summary>
    public NamingOverrides Overrides { get; } = NamingOverrides.Collect(spec.Root);

    public Dictionary<string, TypeRef> TypesByShape { get; } = new(System.StringComparer.Ordinal);

    public Dictionary<string, TypeRef> TypesByReference { get; } = new(System.StringComparer.Ordinal);

    public List<DiagnosticInfo> Diagnostics { get; } = new();

    public IReadOnlyList<TypeModel> Types => _types;

    public void Add(TypeModel type) => _types.Add(type);

    public LocationInfo Locate(string pointer) => Spec.Map.Locate(pointer);

    public void Report(Microsoft.CodeAnalysis.DiagnosticDescriptor descriptor, string pointer, params string[] arguments) =>
        Diagnostics.Add(DiagnosticInfo.Create(descriptor, Locate(pointer), arguments));

    /// <summary>
    /// A type name for a new shape: the name the spec gives it (<c>x-specgen-name</c>), else the hint's;
    /// prefixed by its parent when that is taken, else numbered.
    /// </summary>
    public string ClaimTypeName(NameHint hint, string shape) =>
        ClaimTypeName(Overrides.NameFor(shape) is { } given ? hint with { Name = given } : hint);

    /// <summary>A type name: the preferred name, else prefixed by its parent, else numbered.</summary>
    public string ClaimTypeName(NameHint hint)
    {
        if (!TypeNames.IsTaken(hint.Name) && !(hint.Parent is { Length: > 0 } && Naming.IsGeneric(hint.Name)))
        {
            return TypeNames.Claim(hint.Name);
        }

        if (hint.Parent is { Length: > 0 } parent && !hint.Name.StartsWith(parent, System.StringComparison.Ordinal))
        {
            var prefixed = parent + hint.Name;
            if (!TypeNames.IsTaken(prefixed))
            {
                return TypeNames.Claim(prefixed);
            }
        }

        return TypeNames.Claim(hint.Name);
    }
}

/// <summary>What to call a type made from an inline schema, and its parent's name for when that is taken.</summary>
internal readonly record struct NameHint(string Name, string? Parent)
{
    public NameHint Child(string name) => new(name, Name);
}

/// <summary>A schema's C# type and whether the schema allows null.</summary>
internal readonly record struct Resolved(TypeRef Type, bool IsNullable);
