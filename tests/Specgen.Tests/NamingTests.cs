using Microsoft.CodeAnalysis;
using Specgen.Tests.Infrastructure;
using Xunit;
using static Specgen.Tests.Infrastructure.InlineSpec;

namespace Specgen.Tests;

/// <summary>Names a large spec needs: short prefixes, qualified kind-named cases, case-distinct files, parameter order.</summary>
public class NamingTests
{
    [Fact]
    public void Members_named_like_what_every_type_has_are_renamed_in_records_forms_and_unions()
    {
        // The reserved names were eight lists that had drifted: a record member ReferenceEquals hid object's
        // (a warning), a form field 'validate' took the name of the form's validation hook, a union case Validate
        // or Finalize its members'. One list per kind now, from what object gives every type.
        var run = Generate("""
            openapi: 3.0.3
            info: {title: T, version: '1'}
            paths:
              /things:
                post:
                  operationId: makeThing
                  requestBody:
                    content:
                      application/x-www-form-urlencoded:
                        schema:
                          type: object
                          required: [validate]
                          properties:
                            validate: {type: string, maxLength: 3}
                            referenceEquals: {type: string}
                  responses:
                    '200':
                      description: ok
                      content:
                        application/json:
                          schema: {$ref: '#/components/schemas/Either'}
            components:
              schemas:
                Thing:
                  type: object
                  required: [kind]
                  properties:
                    kind: {type: string, enum: [validate]}
                    referenceEquals: {type: string, minLength: 1}
                    finalize: {type: integer}
                    validate: {type: boolean}
                Validate:
                  type: object
                  required: [kind]
                  properties:
                    kind: {type: string, enum: [other]}
                    memberwiseClone: {type: string}
                Either:
                  oneOf:
                    - $ref: '#/components/schemas/Thing'
                    - $ref: '#/components/schemas/Validate'
                  discriminator:
                    propertyName: kind
                    mapping: {validate: '#/components/schemas/Thing', other: '#/components/schemas/Validate'}
            """);
        AssertCompiles(run);
        var spec = CompiledSpec.Load(run, "reserved");
        var thing = spec.Type("Thing");
        Assert.NotNull(thing.GetProperty("ReferenceEquals2") ?? thing.GetProperty("ReferenceEqualsValue"));
        Assert.Null(thing.GetProperty("ReferenceEquals"));
        Assert.Null(thing.GetProperty("Validate"));
        var form = spec.Type("MakeThingRequest");
        Assert.Null(form.GetProperty("Validate"));
        Assert.DoesNotContain(spec.Type("Either").GetNestedTypes(), t => t.Name is "Validate" or "Finalize");
    }

    [Fact]
    public void A_prefixed_name_that_would_pass_60_characters_takes_only_the_parent_words_it_needs()
    {
        var run = Generate("""
            openapi: 3.0.3
            info: {title: T, version: '1'}
            paths:
              /a:
                get:
                  operationId: getTheVeryLongOperationNameOfThisWonderfulAccount
                  responses:
                    '200':
                      description: ok
                      content:
                        application/json:
                          schema:
                            type: object
                            properties:
                              settings: {type: object, properties: {limits: {type: object, properties: {a: {type: string}}}}}
            components:
              schemas:
                Settings: {type: object, properties: {x: {type: string}}}
                Limits: {type: object, properties: {y: {type: string}}}
            """);

        AssertCompiles(run);
        var names = TypeNames(run);
        // GetTheVeryLongOperationNameOfThisWonderfulAccountResponse + Settings is 66 characters.
        Assert.Contains("ResponseSettings", names);
        Assert.Contains("ResponseSettingsLimits", names);
        Assert.All(names, n => Assert.True(n.Length <= 60, n));
    }

    [Fact]
    public void A_union_case_named_after_its_JSON_kind_takes_the_union_name_as_a_prefix()
    {
        var run = Generate("""
            openapi: 3.0.3
            info: {title: T, version: '1'}
            paths:
              /p:
                get:
                  operationId: getPayload
                  responses:
                    '200':
                      description: ok
                      content:
                        application/json:
                          schema: {$ref: '#/components/schemas/Payload'}
            components:
              schemas:
                Payload:
                  oneOf:
                    - {type: object, required: [id], properties: {id: {type: string}}}
                    - {type: object, required: [name], properties: {name: {type: string}}}
                    - type: string
                      enum: [on, off]
            """);

        AssertCompiles(run);
        var names = TypeNames(run);
        Assert.Contains("PayloadId", names);
        Assert.Contains("PayloadName", names);
        Assert.DoesNotContain("Id", names);
        Assert.DoesNotContain("Name", names);
        // A case that lists its string values names itself.
        Assert.Contains("OnOrOff", names);
    }

    [Fact]
    public void Types_whose_names_differ_only_in_case_get_distinct_files()
    {
        var run = Generate("""
            openapi: 3.0.3
            info: {title: T, version: '1'}
            paths:
              /p:
                get:
                  operationId: getBoth
                  responses:
                    '200':
                      description: ok
                      content:
                        application/json:
                          schema: {type: object, properties: {a: {$ref: '#/components/schemas/Https'}, b: {$ref: '#/components/schemas/HTTPS'}}}
            components:
              schemas:
                Https: {type: object, properties: {a: {type: string}}}
                HTTPS: {type: object, properties: {b: {type: string}}}
            """);

        AssertCompiles(run);
        Assert.Empty(run.Diagnostics);
        var hints = run.Sources.Select(s => s.HintName).Where(h => h.Contains("https", StringComparison.OrdinalIgnoreCase)).Order(StringComparer.Ordinal).ToList();
        Assert.Equal(new[] { "x.HTTPS.g.cs", "x.Https_2.g.cs" }, hints);
    }

    [Fact]
    public void A_required_query_parameter_comes_before_an_optional_body()
    {
        var run = Generate("""
            openapi: 3.0.3
            info: {title: T, version: '1'}
            paths:
              /bypass:
                post:
                  operationId: addBypass
                  parameters:
                    - {name: projectId, in: query, required: true, schema: {type: string}}
                    - {name: teamId, in: query, schema: {type: string}}
                  requestBody:
                    content:
                      application/json:
                        schema: {type: object, properties: {ip: {type: string}}}
                  responses:
                    '204': {description: none}
            """);

        AssertCompiles(run);
        var method = (IMethodSymbol)run.Output.GetTypeByMetadataName("Fixture.TClient")!.GetMembers("AddBypassAsync").Single();
        Assert.Equal(new[] { "projectId", "request", "teamId", "requestOptions", "cancellationToken" }, method.Parameters.Select(p => p.Name));
    }

    private static List<string> TypeNames(GeneratorRun run) => run.TypesIn("Fixture").Select(t => t.Name).ToList();
}
