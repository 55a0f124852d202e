using System.Collections.Generic;
using System.Linq;
using System.Text.Json.Nodes;
using Microsoft.OpenApi;
using Specgen.Generator.Common;
using Specgen.Generator.Diagnostics;
using Specgen.Generator.Model;

namespace Specgen.Generator.Modelling;

/// <summary>
/// oneOf/anyOf → closed unions. Works out, once, what tells the variants apart: an explicit
/// discriminator, constant-valued required properties (an inferred discriminator), the JSON value
/// kind, or the set of required properties; and names each case after what identifies it.
/// </summary>
internal sealed class UnionModeller(ModelContext context, SchemaModeller schemas)
{
    /// <summary>The union a oneOf/anyOf stands for; <paramref name="alternatives"/> gives the variants of a 3.1 type list (<c>type: [string, integer]</c>) instead.</summary>
    public Resolved Model(SchemaAt at, NameHint hint, bool nullable, string? fixedName, IList<IOpenApiSchema>? alternatives = null)
    {
        var schema = at.Schema!;
        var pointer = at.Pointer;
        var keyword = alternatives is not null ? "type" : schema.OneOf is { Count: > 0 } ? "oneOf" : "anyOf";
        var variants = (alternatives ?? SchemaModeller.Alternatives(schema))
            .Select((variant, index) => (Schema: variant, Target: Target(variant), At: alternatives is not null ? at.Made(variant, keyword, index) : at.Item(variant, keyword, index)))
            .ToList();

        // {type: null} alternatives make the union nullable; they are not cases.
        nullable |= variants.RemoveAll(v => v.Target is { } t && t.Type == JsonSchemaType.Null) > 0;
        if (variants.Count == 1)
        {
            var only = schemas.Resolve(variants[0].At, hint);
            return only with { IsNullable = only.IsNullable || nullable };
        }

        var (type, isNew) = schemas.TypeFor("union", hint, at, fixedName);
        if (!isNew)
        {
            return new Resolved(type, nullable);
        }

        var name = type.Name!;

        // A discriminator no variant declares (linode's x-linode-ref-name; SPECGEN003 says so) is never on
        // the wire: the cases are told apart as if there were none.
        var discriminator = schema.Discriminator is { PropertyName: { } property } declaredDiscriminator && variants.Any(v => Declares(v.Target, property, 0)) ? declaredDiscriminator : null;
        var tests = variants.Select(v => TestOf(v.Target, discriminator, v.Schema)).ToList();
        var declared = variants.Select(v => (ISet<string>)new HashSet<string>(DeclaredProperties(v.Target, 0), System.StringComparer.Ordinal)).ToList();
        var strategy = StrategyOf(tests, declared);
        var caseNames = new NameScope(ReservedNames.Union.Append(name));
        var cases = new List<UnionCaseModel>();
        for (var i = 0; i < variants.Count; i++)
        {
            var given = variants[i].Schema is OpenApiSchemaReference ? null : schemas.GivenNameAt(variants[i].At);
            var (preferred, descriptive) = given is not null ? (given, true) : CaseName(variants[i].Schema, variants[i].Target, tests[i], discriminator);
            // The base type's own case (ASP.NET Core's [JsonDerivedType(typeof(Pet), "pet")]) cannot be Pet.Pet.
            var shortName = WithoutPrefix(preferred, name);
            var caseName = caseNames.Claim(shortName == name ? "Base" : ShortNames.Shorten(shortName));
            var caseType = schemas.Resolve(variants[i].At, new NameHint(caseName, name, Qualified: !descriptive)).Type;
            cases.Add(new UnionCaseModel(caseName, caseType, variants[i].Target?.Description, tests[i]));
        }

        if (strategy == UnionStrategy.Ambiguous)
        {
            var clashes = Clashes(cases);
            context.Report(Descriptors.AmbiguousUnion, pointer + "/" + keyword, string.Join(", ", clashes), name);
        }

        var fallbacks = strategy == UnionStrategy.Discriminator && discriminator?.PropertyName is { } discriminatorName
            ? Fallbacks(cases, discriminatorName)
            : EquatableArray<FallbackTest>.Empty;
        context.Add(new UnionModel(name, schema.Description, schema.Deprecated, cases.ToEquatableArray(), ReadOrder(cases).ToEquatableArray(), strategy, nullable, Fallbacks: fallbacks));
        return new Resolved(type, nullable);
    }

    /// <summary>Whether the schema (or one of its allOf parts, references followed) declares <paramref name="property"/>.</summary>
    private static bool Declares(IOpenApiSchema? schema, string property, int depth) => DeclaredProperties(schema, depth).Contains(property);

    /// <summary>The properties the schema and its allOf parts (references followed) declare.</summary>
    private static IEnumerable<string> DeclaredProperties(IOpenApiSchema? schema, int depth) =>
        schema is null || depth >= 32
            ? Enumerable.Empty<string>()
            : (schema.Properties?.Keys ?? Enumerable.Empty<string>()).Concat((schema.AllOf ?? new List<IOpenApiSchema>()).SelectMany(part => DeclaredProperties(Target(part), depth + 1)));

    /// <summary>A case is read as <c>Union.Case</c>: <c>Condition.ConditionMode</c> says the union's name twice.</summary>
    private static string WithoutPrefix(string caseName, string union) =>
        caseName.Length > union.Length && caseName.StartsWith(union, System.StringComparison.Ordinal) && char.IsUpper(caseName[union.Length])
            ? caseName.Substring(union.Length)
            : caseName;

    private static IOpenApiSchema? Target(IOpenApiSchema schema) =>
        schema is OpenApiSchemaReference reference ? reference.Target : schema;

    /// <summary>The test a JSON value must pass to be this variant.</summary>
    private static CaseTest TestOf(IOpenApiSchema? schema, OpenApiDiscriminator? discriminator, IOpenApiSchema declared)
    {
        if (schema is null || SchemaModeller.IsBrand(schema))
        {
            // A TypeScript brand is a compile-time marker on some other value: no JSON carries it.
            return Test(JsonValueKindSet.Any);
        }

        var kinds = KindsOf(schema);
        var required = (schema.Required ?? new HashSet<string>()).OrderBy(r => r, System.StringComparer.Ordinal).ToList();
        var constants = new List<PropertyConstant>();
        if (discriminator?.PropertyName is { } property && DiscriminatorValue(declared, discriminator) is { } mapped)
        {
            constants.Add(new PropertyConstant(property, mapped));
        }

        // The explicit discriminator's own value in the variant counts even when the variant does not require it.
        var candidates = discriminator?.PropertyName is { } named && !required.Contains(named) ? required.Append(named) : required;
        foreach (var name in candidates)
        {
            if (constants.Any(c => c.Property == name))
            {
                continue;
            }

            if (schema.Properties is { } properties && properties.TryGetValue(name, out var propertySchema) && ObjectModeller.ConstantOf(propertySchema) is { } value)
            {
                constants.Add(new PropertyConstant(name, value));
            }
        }

        var values = kinds == JsonValueKindSet.String && schema.Enum is { Count: > 0 }
            ? SchemaModeller.EnumValues(schema).OfType<JsonValue>().Select(v => v.TryGetValue(out string? s) ? s : null).Where(s => s is not null).Select(s => s!).Distinct().ToList()
            : new List<string>();
        var items = kinds == JsonValueKindSet.Array && schema.Items is { } itemSchema ? TestOf(Target(itemSchema), null, itemSchema) : null;
        return new CaseTest(kinds, constants.ToEquatableArray(), required.ToEquatableArray(), EquatableArray<string>.Empty, values.ToEquatableArray(), items);
    }

    private static CaseTest Test(JsonValueKindSet kinds) =>
        new(kinds, EquatableArray<PropertyConstant>.Empty, EquatableArray<string>.Empty, EquatableArray<string>.Empty, EquatableArray<string>.Empty, null);

    private static JsonValueKindSet KindsOf(IOpenApiSchema schema)
    {
        var type = SchemaModeller.KindOf(schema);
        var kinds = JsonValueKindSet.None;
        if ((type & JsonSchemaType.Object) != 0 || schema.Properties is { Count: > 0 } || schema.AllOf is { Count: > 0 })
        {
            kinds |= JsonValueKindSet.Object;
        }

        if ((type & JsonSchemaType.Array) != 0)
        {
            kinds |= JsonValueKindSet.Array;
        }

        if ((type & JsonSchemaType.String) != 0)
        {
            kinds |= JsonValueKindSet.String;
        }

        if ((type & (JsonSchemaType.Number | JsonSchemaType.Integer)) != 0)
        {
            kinds |= JsonValueKindSet.Number;
        }

        if ((type & JsonSchemaType.Boolean) != 0)
        {
            kinds |= JsonValueKindSet.Boolean;
        }

        return kinds == JsonValueKindSet.None ? JsonValueKindSet.Any : kinds;
    }


    private static string? DiscriminatorValue(IOpenApiSchema declared, OpenApiDiscriminator discriminator)
    {
        if (declared is not OpenApiSchemaReference { Reference.Id: { } id })
        {
            return null;
        }

        foreach (var pair in discriminator.Mapping ?? new Dictionary<string, OpenApiSchemaReference>())
        {
            if (pair.Value.Reference?.Id == id)
            {
                return pair.Key;
            }
        }

        return id;
    }

    /// <summary>
    /// When some object cases carry a discriminator and one does not, that one must not carry the
    /// discriminator's properties either (an unknown discriminator value is an Unknown, not that case),
    /// unless it declares them itself (<c>type: {enum: [basic, endpoint]}</c> beside another case's
    /// <c>type: link</c>): then the property is its own, and the constant cases are tried first.
    /// </summary>
    private static List<CaseTest> WithForbiddenDiscriminators(List<CaseTest> tests, IReadOnlyList<ISet<string>> declared)
    {
        var discriminators = tests.SelectMany(t => t.Constants).Select(c => c.Property).Distinct().OrderBy(p => p, System.StringComparer.Ordinal).ToList();
        if (discriminators.Count == 0)
        {
            return tests.ToList();
        }

        return tests.Select((t, i) => (t.Kinds & JsonValueKindSet.Object) != 0 && t.Constants.Count == 0
            ? t with { ForbiddenProperties = discriminators.Where(d => !declared[i].Contains(d)).ToEquatableArray() }
            : t).ToList();
    }

    private static UnionStrategy StrategyOf(List<CaseTest> tests, IReadOnlyList<ISet<string>> declared)
    {
        var adjusted = WithForbiddenDiscriminators(tests, declared);
        tests.Clear();
        tests.AddRange(adjusted);
        if (tests.Distinct().Count() != tests.Count)
        {
            return UnionStrategy.Ambiguous;
        }

        if (tests.Any(t => t.Constants.Count > 0))
        {
            return UnionStrategy.Discriminator;
        }

        var kinds = tests.Select(t => t.Kinds).ToList();
        var disjoint = kinds.Count == kinds.Distinct().Count() && kinds.Aggregate(JsonValueKindSet.None, (all, k) => all | k) is var union
            && kinds.Sum(k => Bits((int)k)) == Bits((int)union);
        return disjoint ? UnionStrategy.ValueKind : UnionStrategy.RequiredProperties;
    }

    private static int Bits(int value)
    {
        var count = 0;
        for (; value != 0; value &= value - 1)
        {
            count++;
        }

        return count;
    }

    private static IEnumerable<string> Clashes(List<UnionCaseModel> cases) =>
        cases.GroupBy(c => c.Test).Where(g => g.Count() > 1).SelectMany(g => g.Select(c => c.Name));

    /// <summary>
    /// Liberal reading of a value that lacks the union's discriminator: each object case tested by its
    /// required properties alone (the discriminator absent), most specific first. None when the cases'
    /// required properties do not tell them apart; then such a value stays Unknown, as before.
    /// </summary>
    private static EquatableArray<FallbackTest> Fallbacks(List<UnionCaseModel> cases, string discriminator)
    {
        var tests = cases.Select(c => c.Test with
        {
            Constants = c.Test.Constants.Where(k => k.Property != discriminator).ToEquatableArray(),
            RequiredProperties = c.Test.RequiredProperties.Where(r => r != discriminator).ToEquatableArray(),
            ForbiddenProperties = c.Test.ForbiddenProperties.Append(discriminator).Distinct().ToEquatableArray(),
        }).ToList();
        var apart = tests.All(t => t.Kinds == JsonValueKindSet.Object && (t.RequiredProperties.Count > 0 || t.Constants.Count > 0))
            && tests.Select(t => string.Join("\n", t.RequiredProperties) + "\0" + string.Join("\n", t.Constants)).Distinct().Count() == tests.Count;
        return !apart
            ? EquatableArray<FallbackTest>.Empty
            : tests.Select((t, i) => new FallbackTest(i, t)).OrderByDescending(f => Specificity(f.Test)).ThenBy(f => f.Case).ToEquatableArray();
    }

    /// <summary>The order the converter tries the cases in: most specific first, as it takes the first whose test passes.</summary>
    private static IEnumerable<int> ReadOrder(List<UnionCaseModel> cases) =>
        cases.Select((c, index) => (Case: c, Index: index))
            .OrderByDescending(x => Specificity(x.Case.Test))
            .ThenBy(x => x.Index)
            .Select(x => x.Index);

    private static int Specificity(CaseTest test) =>
        (test.Constants.Count * 1000) + (test.StringValues.Count > 0 ? 500 : 0) + (test.RequiredProperties.Count * 10)
        + (test.Items is { } items ? Specificity(items) / 10 : 0) - (test.Kinds == JsonValueKindSet.Any ? 100 : 0);

    /// <summary>
    /// What to call a case, and whether that name describes it on its own. A name made from the
    /// JSON kind or the required properties (<c>Object</c>, <c>IdName</c>) does not, unless it lists the
    /// case's string values: its type takes
    /// the union's name as a prefix.
    /// </summary>
    private (string Name, bool Descriptive) CaseName(IOpenApiSchema declared, IOpenApiSchema? schema, CaseTest test, OpenApiDiscriminator? discriminator)
    {
        if (declared is OpenApiSchemaReference { Reference.Id: { } id })
        {
            return (Naming.Pascal(discriminator is not null ? DiscriminatorValue(declared, discriminator) : id, "Case"), true);
        }

        if (schema is not null && SchemaModeller.IsBrand(schema))
        {
            return ("Opaque", true);
        }

        if (schema?.Title is { Length: > 0 } title)
        {
            return (Naming.Pascal(title, "Case"), true);
        }

        if (test.Constants.Count > 0)
        {
            return (string.Concat(test.Constants.Select(c => c.Value == "array" ? ItemsTypeName(schema) ?? "Array" : Naming.Pascal(c.Value, "Case"))), true);
        }

        return KindName(test, schema);
    }

    /// <summary>
    /// For a variant that describes an array (its <c>type</c> constant is "array"), the constant type of
    /// its <c>items</c>: a slider over numbers is a NumberSlider, not an ArraySlider.
    /// </summary>
    private static string? ItemsTypeName(IOpenApiSchema? schema) =>
        schema?.Properties is { } properties && properties.TryGetValue("items", out var items)
        && Target(items)?.Properties is { } itemProperties && itemProperties.TryGetValue("type", out var itemType)
        && ObjectModeller.ConstantOf(itemType) is { } constant
            ? Naming.Pascal(constant, "Array")
            : null;

    /// <summary>A name from the case's JSON kind, and whether it lists the case's string values (<c>GithubOrGitlab</c>, <c>GithubOrGitlabList</c>).</summary>
    private static (string Name, bool NamesValues) KindName(CaseTest test, IOpenApiSchema? schema)
    {
        switch (test.Kinds)
        {
            case JsonValueKindSet.String when test.StringValues.Count is > 0 and <= 3
                && string.Join("Or", test.StringValues.Select(v => EnumModeller.MemberName(v))) is var values && !ShortNames.Repeats(values):
                // Values that share words (gh-pages, master, master /docs) would name it GhPagesOrMasterOrMasterDocs.
                return (values, true);
            case JsonValueKindSet.String:
                return ("String", false);
            case JsonValueKindSet.Number:
                return ((schema?.Type & JsonSchemaType.Integer) != 0 ? "Integer" : "Number", false);
            case JsonValueKindSet.Boolean:
                return ("Boolean", false);
            case JsonValueKindSet.Array:
                var items = test.Items is { } itemTest ? KindName(itemTest, schema?.Items is { } i ? Target(i) : null) : (Name: string.Empty, NamesValues: false);
                return (items.Name + "List", items.NamesValues);
            case JsonValueKindSet.Object when test.RequiredProperties.Count is > 0 and <= 2:
                return (string.Concat(test.RequiredProperties.Select(r => Naming.Pascal(r, "Object"))), false);
            default:
                return ("Object", false);
        }
    }
}
