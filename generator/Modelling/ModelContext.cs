using System.Collections.Generic;
using System.Linq;
using System.Text.Json.Nodes;
using System.Threading;
using Specgen.Generator.Diagnostics;
using Specgen.Generator.Model;
using Specgen.Generator.Reading;

namespace Specgen.Generator.Modelling;

/// <summary>
/// The state shared while modelling one spec: the types made so far, their names, the shapes already
/// seen (so identical inline schemas become one type), and the diagnostics.
/// </summary>
internal sealed class ModelContext
{
    private readonly List<TypeModel> _types = new();
    private readonly Dictionary<string, TypeModel> _typesByName = new(System.StringComparer.Ordinal);

    public ModelContext(ReadSpec spec, IEnumerable<string> clientNames, CancellationToken cancellationToken)
    {
        Spec = spec;
        CancellationToken = cancellationToken;
        Overrides = NamingOverrides.Collect(spec.Root);
        TypeNames = new NameScope(clientNames);
        CaseDiscriminators = CaseDiscriminators.Find(spec.Root);
        OperationNames = Modelling.OperationNames.Find(spec.Document);
        NullableTwins = Modelling.NullableTwins.Find(spec.Root);
        ComponentNames = ClaimComponentNames();
        Inheritance = Inheritance.Find(spec.Document);

        // A component may be called Type or Environment (its name is the spec's choice); an inline
        // shape is not, because it would shadow the System type in the user's code.
        TypeNames.Reserve(Naming.ShadowedSystemTypes);
    }

    public ReadSpec Spec { get; }

    public CancellationToken CancellationToken { get; }

    /// <summary>Which operations the item keeps; null for all.</summary>
    public Configuration.OperationFilter? Filter { get; init; }

    public NameScope TypeNames { get; }

    /// <summary>Names the spec asks for with <c>x-specgen-name</c>, by shape.</summary>
    public NamingOverrides Overrides { get; }

    /// <summary>
    /// The C# name of each schema under <c>components/schemas</c>, claimed up front in document order,
    /// so a component's name never depends on which operation reaches it first.
    /// </summary>
    public IReadOnlyDictionary<string, string> ComponentNames { get; }

    /// <summary>
    /// The components that are another component made nullable (<c>nullable-simple-user</c>), with that component's
    /// id: they are its type, nullable, so they claim no name of their own (<see cref="Modelling.NullableTwins"/>).
    /// </summary>
    public IReadOnlyDictionary<string, string> NullableTwins { get; }

    /// <summary>The name each framework-made operationId stands for (<c>read_items_items__get</c> → <c>read_items</c>), by operationId.</summary>
    public IReadOnlyDictionary<string, string> OperationNames { get; }

    /// <summary>The components that are cases of a discriminated union, and the discriminator each sets.</summary>
    public CaseDiscriminators CaseDiscriminators { get; }

    /// <summary>The components that form inheritance hierarchies (a discriminator base and the components that allOf it).</summary>
    public Inheritance Inheritance { get; }

    public Dictionary<string, TypeRef> TypesByShape { get; } = new(System.StringComparer.Ordinal);

    public Dictionary<string, TypeRef> TypesByReference { get; } = new(System.StringComparer.Ordinal);

    /// <summary>The names of the integer enums made so far (their defaults and discriminators are numbers, not strings).</summary>
    public HashSet<string> IntegerEnums { get; } = new(System.StringComparer.Ordinal);

    /// <summary>
    /// Components whose name was handed out while they were being modelled (a recursive use) but which
    /// turned out not to be a type of their own (an array, a single allOf): the name stands for this type.
    /// </summary>
    public Dictionary<string, (TypeRef Type, string Pointer)> Aliases { get; } = new(System.StringComparer.Ordinal);

    public List<DiagnosticInfo> Diagnostics { get; } = new();

    public IReadOnlyList<TypeModel> Types => _types;

    public void Add(TypeModel type)
    {
        _types.Add(type);
        _typesByName[type.Name] = type;
    }

    /// <summary>Gives the type of this name a description, when the spec gave it none.</summary>
    public void Describe(string name, string description)
    {
        if (TypeNamed(name) is { Description: null } type)
        {
            var described = type with { Description = description };
            _types[_types.IndexOf(type)] = described;
            _typesByName[name] = described;
        }
    }

    /// <summary>The type made so far with this C# name; null when there is none (yet).</summary>
    public TypeModel? TypeNamed(string name) => _typesByName.TryGetValue(name, out var type) ? type : null;

    public LocationInfo Locate(string pointer) => Spec.Map.Locate(pointer);

    /// <summary>The pointer with every <c>$ref</c> on its way followed (<see cref="JsonPointer.Canonical"/>): what modelling starts from.</summary>
    public string Canonical(string pointer) => JsonPointer.Canonical(Spec.Root, pointer);

    public void Report(Microsoft.CodeAnalysis.DiagnosticDescriptor descriptor, string pointer, params string[] arguments) =>
        Diagnostics.Add(DiagnosticInfo.Create(descriptor, Locate(pointer), arguments));

    /// <summary>Claims a name in <paramref name="scope"/> for the spec's <paramref name="wireName"/>; a clash with another wire name is reported.</summary>
    public string ClaimFor(NameScope scope, string what, string wireName, string preferred, string pointer)
    {
        var name = scope.Claim(preferred, wireName, out var clash);
        if (clash is not null)
        {
            Report(Descriptors.NameCollision, pointer, what, clash, wireName, preferred, name);
        }

        return name;
    }

    /// <summary>
    /// FastAPI names a body's schema <c>Body_{operationId}</c>: it is the <c>{Operation}Request</c> of the
    /// operation's short name (<c>Body_create_file_files__post</c> → <c>CreateFileRequest</c>).
    /// </summary>
    private string? BodyName(string id) =>
        id.StartsWith("Body_", System.StringComparison.Ordinal) && OperationNames.TryGetValue(id.Substring(5), out var name)
            ? Naming.Pascal(name, "Call") + "Request"
            : null;

    private Dictionary<string, string> ClaimComponentNames()
    {
        var names = new Dictionary<string, string>(System.StringComparer.Ordinal);
        if (Spec.Root["components"] is JsonObject { } components && components["schemas"] is JsonObject schemas)
        {
            var preferred = new Dictionary<string, string>(System.StringComparer.Ordinal);
            foreach (var pair in schemas.Where(pair => !NullableTwins.ContainsKey(pair.Key)))
            {
                var given = pair.Value is JsonObject schema && schema[NamingOverrides.NameExtension] is { } value ? NamingOverrides.GivenName(value) : null;
                preferred[pair.Key] = Naming.Pascal(given ?? CaseDiscriminators.ShortName(pair.Key) ?? BodyName(pair.Key) ?? pair.Key, "Schema");
            }

            // A name too long or saying words twice is shortened, unless the shorter name is another schema's, or is
            // what another schema's would shorten to as well (GoogleCloud…BulkAnalyzeConversationsMetadata and
            // GoogleCloud…BulkDeleteConversationsMetadata): then a longer form, or the name as the spec gives it.
            var wanted = new HashSet<string>(preferred.Values, System.StringComparer.Ordinal);
            bool Free(string shorter, string name) => shorter == name || !wanted.Contains(shorter);
            var contested = new HashSet<string>(
                preferred.Values.Select(name => ShortNames.Alternatives(name).First(n => Free(n, name)))
                    .GroupBy(n => n, System.StringComparer.Ordinal).Where(g => g.Count() > 1).Select(g => g.Key),
                System.StringComparer.Ordinal);
            var chosen = new HashSet<string>(System.StringComparer.Ordinal);
            foreach (var pair in preferred)
            {
                var shorter = ShortNames.Alternatives(pair.Value).FirstOrDefault(n => n == pair.Value || (Free(n, pair.Value) && !contested.Contains(n) && !chosen.Contains(n))) ?? pair.Value;
                chosen.Add(shorter);
                names[pair.Key] = ClaimFor(TypeNames, "The schemas", pair.Key, shorter, JsonPointer.Component(pair.Key));
            }
        }

        return names;
    }

    /// <summary>
    /// A type name for a new shape: the name the spec gives it (<c>x-specgen-name</c>), else the hint's;
    /// prefixed by its parent when that is taken, else numbered.
    /// </summary>
    public string ClaimTypeName(NameHint hint, string shape) =>
        ClaimTypeName(Overrides.NameFor(shape) is { } given ? hint with { Name = given } : hint);

    /// <summary>
    /// A type name: the preferred name, else prefixed by its parent, else numbered; never longer than
    /// <see cref="ShortNames.MaxLength"/> and never saying a run of words twice (<see cref="ShortNames.Shorten"/>).
    /// </summary>
    public string ClaimTypeName(NameHint hint)
    {
        var name = ShortNames.Shorten(hint.Name);
        var bare = !hint.Qualified && !(hint.Parent is { Length: > 0 } && Naming.IsGeneric(hint.Name));
        if (bare && !TypeNames.IsTaken(name))
        {
            return TypeNames.Claim(name);
        }

        if (hint.Parent is { Length: > 0 } parent && !hint.Name.StartsWith(parent, System.StringComparison.Ordinal)
            && Prefixed(parent, hint.Name) is { } prefixed)
        {
            return TypeNames.Claim(prefixed);
        }

        return TypeNames.Claim(name);
    }

    /// <summary>
    /// <paramref name="name"/> prefixed by <paramref name="parent"/> (<see cref="ShortNames.Join"/>); when that is
    /// longer than <see cref="ShortNames.MaxLength"/>, prefixed by the fewest of the parent's last words that make
    /// a free name (<c>…StoreProduct</c> + <c>MetadataSchema</c> → <c>ProductMetadataSchema</c>), else shortened.
    /// Null when none is free.
    /// </summary>
    private string? Prefixed(string parent, string name)
    {
        var joined = ShortNames.Join(parent, name);
        var full = ShortNames.Shorten(joined);
        if (joined.Length <= ShortNames.MaxLength)
        {
            return TypeNames.IsTaken(full) ? null : full;
        }

        var words = Naming.IdentifierWords(parent);
        for (var count = 1; count < words.Count; count++)
        {
            var candidate = ShortNames.Join(string.Concat(words.Skip(words.Count - count)), name);
            if (candidate.Length > ShortNames.MaxLength)
            {
                break;
            }

            candidate = ShortNames.Shorten(candidate);
            if (!char.IsDigit(candidate[0]) && !TypeNames.IsTaken(candidate))
            {
                return candidate;
            }
        }

        return TypeNames.IsTaken(full) ? null : full;
    }
}

/// <summary>What to call a type made from an inline schema, and its parent's name for when that is taken.</summary>
/// <param name="Name">The name the type would like.</param>
/// <param name="Parent">The name of the type or operation it belongs to.</param>
/// <param name="Qualified">
/// The name says little on its own (a union case named after its JSON kind, <c>Object</c> or <c>IdName</c>),
/// so the type always takes its parent's name as a prefix.
/// </param>
internal readonly record struct NameHint(string Name, string? Parent, bool Qualified = false)
{
    public NameHint Child(string name) => new(name, Name);
}

/// <summary>A schema's C# type and whether the schema allows null.</summary>
internal readonly record struct Resolved(TypeRef Type, bool IsNullable);
