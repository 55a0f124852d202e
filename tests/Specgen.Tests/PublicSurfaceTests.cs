using System.ComponentModel;
using System.Reflection;
using Specgen.Tests.Infrastructure;
using Xunit;

namespace Specgen.Tests;

/// <summary>
/// What a user sees (issue 31): Specgen.Runtime's browsable public types are the ones a user touches, and what
/// generated code calls is in Specgen.Runtime.Infrastructure, hidden from completion; a generated client's
/// converters and validation hooks are hidden too. A new public runtime type fails here until it is put on
/// one side or the other.
/// </summary>
public class PublicSurfaceTests
{
    /// <summary>The types a user of a generated client touches: options, calls, responses, every record's base, files, errors, credentials.</summary>
    private static readonly string[] UserFacing =
    [
        "ApiCall", "ApiCall`1", "ApiClientOptions", "ApiCredentials", "ApiError", "ApiException", "ApiFile", "ApiHeaders", "ApiPage`1", "ApiPageable`1",
        "ApiRecord", "ApiRequestOptions", "ApiResponse", "ApiResponse`1", "ApiStream`1", "BadRequestException", "BasicCredentials",
        "ClientCredentials", "ConflictException", "FilePart", "ForbiddenException", "MemberUnavailableException",
        "MissingCredentialsException", "NotFoundException", "PaymentRequiredException", "RateLimitedException",
        "RequestValidationException", "RetryOptions", "ServerErrorException", "UnauthorizedException",
    ];

    [Fact]
    public void The_runtimes_browsable_types_are_the_ones_a_user_touches()
    {
        var exported = typeof(Specgen.Runtime.ApiClientOptions).Assembly.GetExportedTypes().Where(t => !t.IsNested).ToList();
        var browsable = exported.Where(t => !Hidden(t)).ToList();
        Assert.Equal(UserFacing.Order(StringComparer.Ordinal), browsable.Select(t => t.Name).Order(StringComparer.Ordinal));
        Assert.All(browsable, t => Assert.Equal("Specgen.Runtime", t.Namespace));

        // Everything else is generated code's plumbing: in its own namespace, and hidden.
        var plumbing = exported.Except(browsable).ToList();
        Assert.NotEmpty(plumbing);
        Assert.All(plumbing, t => Assert.Equal("Specgen.Runtime.Infrastructure", t.Namespace));
    }

    [Theory]
    [InlineData("pets-discriminator.yaml")]
    [InlineData("inheritance.yaml")]
    [InlineData("enums.yaml")]
    [InlineData("bodies.yaml")]
    [InlineData("presence.yaml")]
    public void Generated_converters_and_validation_hooks_are_hidden(string fixture)
    {
        var types = CompiledSpec.Compile(fixture).Assembly.GetTypes();
        AssertReadAndWriteAreNotMembers(types);

        var hooks = types.SelectMany(t => t.GetMethods(BindingFlags.Public | BindingFlags.Instance | BindingFlags.DeclaredOnly))
            .Where(m => m.Name == "Validate" && m.GetParameters() is [{ ParameterType.Name: "RequestValidator" }, _]).ToList();
        Assert.All(hooks, h => Assert.True(Hidden(h), $"{h.DeclaringType}.{h.Name} shows in completion"));
    }

    [Fact]
    public void The_sample_clients_converters_are_hidden()
    {
        AssertReadAndWriteAreNotMembers(typeof(Vercel.VercelClient).Assembly.GetTypes().Where(t => t.Namespace == "Vercel").ToArray());
        var hooks = typeof(Vercel.VercelClient).Assembly.GetTypes().Select(t => t.GetMethod("Validate", BindingFlags.Public | BindingFlags.Instance | BindingFlags.DeclaredOnly)).OfType<MethodInfo>().ToList();
        Assert.NotEmpty(hooks);
        Assert.All(hooks, h => Assert.True(Hidden(h), $"{h.DeclaringType}.{h.Name} shows in completion"));

        // An awaitable's awaiters are the compiler's business.
        Assert.All(typeof(Specgen.Runtime.ApiCall).GetNestedTypes().Concat(typeof(Specgen.Runtime.ApiCall<int>).GetNestedTypes()), t => Assert.True(Hidden(t), t.Name));
    }

    /// <summary>
    /// Every generated record derives from the runtime's <c>ApiRecord</c> (a subtype through its base), which keeps its
    /// members and gives it equality, hash and copies: a record has no field of its own, and the one that keeps its
    /// state is the base's, hidden (what equality and copies do is pinned by the equality and presence tests).
    /// </summary>
    [Fact]
    public void Every_record_derives_from_ApiRecord_and_keeps_its_state_there()
    {
        var records = typeof(Vercel.VercelClient).Assembly.GetTypes()
            .Where(t => t.Namespace == "Vercel" && t.GetMethod("<Clone>$") is not null && t.GetMethod("PrintMembers", BindingFlags.NonPublic | BindingFlags.Instance) is not null)
            .ToList();
        Assert.True(records.Count > 20, $"only {records.Count} records");
        Assert.All(records, t =>
        {
            Assert.True(typeof(Specgen.Runtime.ApiRecord).IsAssignableFrom(t), $"{t.Name} does not derive from ApiRecord");
            const BindingFlags declared = BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Instance | BindingFlags.DeclaredOnly;
            Assert.Empty(t.GetFields(declared));

            // The members the spec does not describe are the one IDictionary<string, JsonElement> property (the
            // compatibility oracle finds them by that type; maps the spec describes are IReadOnlyDictionary).
            Assert.True(UnknownMembers(t).Count() <= 1, $"{t.Name} has more than one");
        });
        Assert.All(records.Where(t => UnknownMembers(t).Any()), t => Assert.Equal("AdditionalProperties", UnknownMembers(t).Single().Name));
        Assert.True(records.Count(t => UnknownMembers(t).Any()) > 20);

        var field = typeof(Specgen.Runtime.ApiRecord).GetField("_m", BindingFlags.NonPublic | BindingFlags.Instance)!;
        Assert.True(field.IsFamily && field.IsInitOnly);
        Assert.True(Hidden(field));
    }

    /// <summary>
    /// A generated type reads and writes itself through the runtime's hidden <c>JsonValueConverter</c>: its
    /// <c>ReadValue</c> and <c>WriteValue</c> implement <c>IJsonValue</c> explicitly, so they are no members a user
    /// sees, and there is no converter class of its own.
    /// </summary>
    private static void AssertReadAndWriteAreNotMembers(Type[] types)
    {
        var generated = types.Where(t => t.GetCustomAttribute<System.Text.Json.Serialization.JsonConverterAttribute>() is not null).ToList();
        Assert.NotEmpty(generated);
        Assert.All(generated, t =>
        {
            var converter = t.GetCustomAttribute<System.Text.Json.Serialization.JsonConverterAttribute>()!.ConverterType!;
            Assert.Equal(typeof(Specgen.Runtime.Infrastructure.JsonValueConverter<>), converter.GetGenericTypeDefinition());
            Assert.True(Hidden(converter.GetGenericTypeDefinition()));
            Assert.Contains(t.GetInterfaces(), i => i.IsGenericType && i.GetGenericTypeDefinition() == typeof(Specgen.Runtime.Infrastructure.IJsonValue<>));
            Assert.DoesNotContain(t.GetMethods(BindingFlags.Public | BindingFlags.Static), m => m.Name is "ReadValue" or "WriteValue");
        });
        Assert.DoesNotContain(types, t => t.Name == "JsonConverter");
    }

    private static IEnumerable<PropertyInfo> UnknownMembers(Type record) =>
        record.GetProperties().Where(p => p.PropertyType == typeof(IDictionary<string, System.Text.Json.JsonElement>));

    private static bool Hidden(MemberInfo member) =>
        member.GetCustomAttribute<EditorBrowsableAttribute>() is { State: EditorBrowsableState.Never };
}
