using System.Reflection;
using System.Text.Json;
using Specgen.Runtime;
using Specgen.Tests.Infrastructure;
using Xunit;

namespace Specgen.Tests;

/// <summary>
/// Absent, null and a value are three states on the wire, in both directions; and a response that
/// breaks its spec's required members still reads, with only the broken member refusing to be read.
/// </summary>
public class PresenceTests
{
    private static readonly Lazy<CompiledSpec> Spec = new(() => CompiledSpec.Compile("presence.yaml"));

    private const string FullProject =
        """{"id":"p1","name":"web","createdAt":1700000000,"teamId":null,"framework":"vite","owner":{"login":"me"},"description":null,"live":true}""";

    private static object Update(params (string Property, object? Value)[] members)
    {
        var type = Spec.Value.Type("UpdateProject");
        var value = Activator.CreateInstance(type)!;
        foreach (var (property, set) in members)
        {
            // PropertyInfo.SetValue runs the init accessor, as an object initializer does.
            type.GetProperty(property)!.SetValue(value, set);
        }

        return value;
    }

    [Theory]
    [InlineData("Framework", null, """{"framework":null}""")]
    [InlineData("Framework", "vite", """{"framework":"vite"}""")]
    [InlineData("Retries", null, """{"retries":null}""")]
    [InlineData("Name", null, "{}")]
    [InlineData("Name", "web", """{"name":"web"}""")]
    public void A_request_member_is_sent_as_set_null_included_only_where_the_spec_allows_null(string property, object? value, string expected)
    {
        var update = Update((property, value), ("Region", null));

        Assert.Equal(expected, Spec.Value.Write("UpdateProject", update));
    }

    [Fact]
    public void A_member_never_set_is_not_sent_and_a_default_is()
    {
        Assert.Equal("""{"region":"iad1"}""", Spec.Value.Write("UpdateProject", Update()));
    }

    [Fact]
    public void An_optional_member_with_a_default_set_to_null_is_left_out_and_holds_null_not_its_default()
    {
        var update = Update(("Region", null));

        Assert.Null(CompiledSpec.Get(update, "Region"));
        Assert.Equal("{}", Spec.Value.Write("UpdateProject", update));
        Assert.Equal("iad1", CompiledSpec.Get(Update(), "Region"));
    }

    [Fact]
    public void A_response_keeps_its_explicit_nulls_and_its_absences_on_a_round_trip()
    {
        JsonAssert.Equivalent(FullProject, Spec.Value.Write("Project", Spec.Value.Read("Project", FullProject)));

        // A member with a default that the JSON lacked reads as the default but is not written back.
        var update = Spec.Value.Read("UpdateProject", """{"framework":null}""");
        Assert.Equal("iad1", CompiledSpec.Get(update, "Region"));
        Assert.Equal("""{"framework":null}""", Spec.Value.Write("UpdateProject", update));
    }

    [Theory]
    [InlineData("id", "Id", false)]
    [InlineData("createdAt", "CreatedAt", false)]
    [InlineData("teamId", "TeamId", false)]
    [InlineData("framework", "Framework", false)]
    [InlineData("owner", "Owner", false)]
    [InlineData("id", "Id", true)]
    [InlineData("createdAt", "CreatedAt", true)]
    [InlineData("framework", "Framework", true)]
    public void A_response_that_breaks_a_required_member_reads_and_only_that_member_throws(string jsonName, string member, bool asNull)
    {
        var json = JsonSerializer.Deserialize<Dictionary<string, JsonElement>>(FullProject)!;
        if (asNull)
        {
            json[jsonName] = JsonDocument.Parse("null").RootElement;
        }
        else
        {
            json.Remove(jsonName);
        }

        var text = JsonSerializer.Serialize(json);
        var project = Spec.Value.Read("Project", text);

        var error = Assert.Throws<TargetInvocationException>(() => CompiledSpec.Get(project, member)).InnerException;
        var unavailable = Assert.IsType<MemberUnavailableException>(error);
        Assert.Equal(("Project", member, jsonName, asNull), (unavailable.TypeName, unavailable.MemberName, unavailable.JsonName, unavailable.WasNull));
        Assert.Contains($"Project.{member}", unavailable.Message);
        Assert.Contains(asNull ? "had null" : "did not have", unavailable.Message);

        // Every other member reads, ToString does not throw, and what the JSON said is written back as it was.
        Assert.Equal("web", CompiledSpec.Get(project, member == "Name" ? "Id" : "Name"));
        Assert.Contains(member + " = ", project.ToString());
        JsonAssert.Equivalent(text, Spec.Value.Write("Project", project));
    }

    [Fact]
    public void Members_are_found_by_their_JSON_names_in_any_order_escaped_or_not_and_other_names_are_kept()
    {
        // Out of spec order, an escaped name, an unknown member between known ones, a name that differs
        // only in case (a member the spec does not describe), and a member sent twice (the last wins).
        const string Json = """{"owner":{"login":"me"},"n\u0061me":"web","Name":"other","id":"p0","extra":[1],"createdAt":1,"teamId":null,"framework":"vite","id":"p1"}""";

        var project = Spec.Value.Read("Project", Json);

        Assert.Equal("web", CompiledSpec.Get(project, "Name"));
        Assert.Equal("p1", CompiledSpec.Get(project, "Id"));
        Assert.Equal(1L, CompiledSpec.Get(project, "CreatedAt"));
        var extra = (IDictionary<string, JsonElement>)CompiledSpec.Get(project, "AdditionalProperties")!;
        Assert.Equal(["Name", "extra"], extra.Keys.Order(StringComparer.Ordinal));
        JsonAssert.Equivalent(
            """{"id":"p1","name":"web","createdAt":1,"teamId":null,"framework":"vite","owner":{"login":"me"},"Name":"other","extra":[1]}""",
            Spec.Value.Write("Project", project));
    }

    [Theory]
    [InlineData("""{"p0":null,"p63":1,"p64":null,"p69":5}""")]
    [InlineData("""{"p69":null}""")]
    public void A_record_with_more_than_64_members_keeps_each_members_presence(string json)
    {
        var wide = CompiledSpec.Compile("wide.yaml");

        var value = wide.Read("Wide", json);

        Assert.Equal(json, wide.Write("Wide", value));
        Assert.Throws<TargetInvocationException>(() => CompiledSpec.Get(wide.Read("Wide", "{\"p1\":2}"), "P69"));
    }

    [Fact]
    public void A_nested_record_with_a_missing_member_does_not_fail_its_parent()
    {
        var project = Spec.Value.Read("Project", FullProject.Replace("""{"login":"me"}""", "{}"));

        var owner = CompiledSpec.Get(project, "Owner")!;

        Assert.IsType<MemberUnavailableException>(Assert.Throws<TargetInvocationException>(() => CompiledSpec.Get(owner, "Login")).InnerException);
        Assert.Equal(true, CompiledSpec.Get(project, "Live"));
    }

    [Fact]
    public void Strict_options_refuse_what_lenient_reading_lets_through()
    {
        var strict = JsonRead.Strict(new JsonSerializerOptions());

        var missing = Assert.Throws<JsonException>(() => JsonSerializer.Deserialize(FullProject.Replace("\"id\":\"p1\",", string.Empty), Spec.Value.Type("Project"), strict));
        var nulled = Assert.Throws<JsonException>(() => JsonSerializer.Deserialize(FullProject.Replace("\"p1\"", "null"), Spec.Value.Type("Project"), strict));

        Assert.Contains("'id'", missing.Message);
        Assert.Contains("null", nulled.Message);
        Assert.NotNull(JsonSerializer.Deserialize(FullProject, Spec.Value.Type("Project"), strict));
    }

    [Theory]
    [InlineData("\"createdAt\":1700000000,", "'createdAt'", "does not have")]
    [InlineData("\"createdAt\":1700000000", "'createdAt'", "has null")]
    [InlineData("\"teamId\":null,", "'teamId'", "does not have")]
    [InlineData("\"owner\":{\"login\":\"me\"}", "'owner'", "has null")]
    public void Strict_reading_names_the_required_member_that_is_missing_or_null_where_no_null_is_allowed(string replaced, string member, string what)
    {
        // A required member that allows null (teamId) may be null, but not missing; one that does not (createdAt, owner) may be neither.
        var strict = JsonRead.Strict(new JsonSerializerOptions());
        var json = what == "does not have" ? FullProject.Replace(replaced, string.Empty) : FullProject.Replace(replaced, replaced[..(replaced.IndexOf(':') + 1)] + "null");

        var error = Assert.Throws<JsonException>(() => JsonSerializer.Deserialize(json, Spec.Value.Type("Project"), strict));

        Assert.Contains(member, error.Message, StringComparison.Ordinal);
        Assert.Contains(what, error.Message, StringComparison.Ordinal);
        Assert.NotNull(JsonSerializer.Deserialize(FullProject.Replace("\"teamId\":null", "\"teamId\":\"t1\""), Spec.Value.Type("Project"), strict));
    }

    [Fact]
    public async Task Over_http_a_null_is_sent_as_null_and_a_drifted_response_reads_unless_strict()
    {
        const string drifted = """{"id":"p1","name":"web","teamId":null,"framework":"vite","owner":{"login":"me"}}""";
        await using var server = await ScriptedServer.StartAsync((context, _) => ScriptedServer.Reply(context, 200, drifted));
        var http = new HttpClient { BaseAddress = server.BaseAddress };

        var project = await Call(new ApiClientOptions());
        var error = await Assert.ThrowsAsync<ApiException>(() => Call(new ApiClientOptions { StrictResponses = true }));

        Assert.Equal("""{"framework":null}""", server.Requests[0].Body);
        Assert.Equal("web", CompiledSpec.Get(project, "Name"));
        Assert.Contains("createdAt", error.Message);

        async Task<object> Call(ApiClientOptions options)
        {
            var client = Activator.CreateInstance(Spec.Value.Type("PresenceClient"), http, options)!;
            return (await CompiledSpec.CallAsync(client, "UpdateProjectAsync", "p1", Update(("Framework", null), ("Region", null)), CancellationToken.None))!;
        }
    }
}
