using Specgen.Runtime;
using Specgen.Tests.Infrastructure;
using Xunit;

namespace Specgen.Tests;

/// <summary>
/// Validation wherever it applies (issue 29): form and multipart records check themselves before they
/// are sent, as JSON bodies do; lengths and patterns apply to formatted strings (on the text they are
/// sent as); an empty list or map default applies as a scalar default does.
/// </summary>
public class FormValidationTests
{
    private static readonly Lazy<CompiledSpec> Spec = new(() => CompiledSpec.Load(InlineSpec.Generate("""
        openapi: 3.0.3
        info: { title: Signup, version: "1" }
        paths:
          /signup:
            post:
              operationId: signup
              requestBody:
                required: true
                content:
                  application/x-www-form-urlencoded:
                    schema:
                      type: object
                      required: [username, code]
                      properties:
                        username: { type: string, maxLength: 8 }
                        code: { type: string, pattern: '^[A-Z]{3}-[0-9]{3}$' }
                        age: { type: integer, minimum: 0 }
                        homepage: { type: string, format: uri, maxLength: 20 }
              responses:
                "204": { description: Done. }
          /avatar:
            post:
              operationId: uploadAvatar
              requestBody:
                required: true
                content:
                  multipart/form-data:
                    schema:
                      type: object
                      required: [file]
                      properties:
                        file: { type: string, format: binary }
              responses:
                "204": { description: Done. }
          /profile:
            put:
              operationId: putProfile
              requestBody:
                required: true
                content:
                  application/json:
                    schema: { $ref: "#/components/schemas/Profile" }
              responses:
                "204": { description: Done. }
        components:
          schemas:
            Profile:
              type: object
              properties:
                tags: { type: array, items: { type: string }, default: [] }
                labels: { type: object, additionalProperties: { type: integer }, default: {} }
                id: { type: string, format: uuid, pattern: '^[0-9a-f-]+$' }
                site: { type: string, format: uri, maxLength: 20 }
        """), "form-validation"));

    [Fact]
    public async Task A_form_that_breaks_its_constraints_is_refused_before_sending_and_a_valid_one_is_sent()
    {
        await using var server = await ScriptedServer.StartAsync((context, _) => ScriptedServer.Reply(context, 204, string.Empty));
        var client = Client(server);

        var bad = New("SignupRequest", ("Username", "much-too-long"), ("Code", "abc"), ("Age", -1L), ("Homepage", new Uri("https://example.com/a/long/path")));
        var error = await Assert.ThrowsAsync<RequestValidationException>(() => CompiledSpec.CallAsync(client, "SignupAsync", bad, null, CancellationToken.None));
        Assert.Equal(
            ["$.username: longer than 8 characters", "$.code: does not match ^[A-Z]{3}-[0-9]{3}$", "$.age: less than 0", "$.homepage: longer than 20 characters"],
            error.Violations);

        var missing = New("UploadAvatarRequest", ("File", null));
        var absent = await Assert.ThrowsAsync<RequestValidationException>(() => CompiledSpec.CallAsync(client, "UploadAvatarAsync", missing, null, CancellationToken.None));
        Assert.Equal(["$.file: required"], absent.Violations);
        Assert.Empty(server.Requests);

        await CompiledSpec.CallAsync(client, "SignupAsync", New("SignupRequest", ("Username", "ada"), ("Code", "ABC-123"), ("Age", 36L)), null, CancellationToken.None);
        Assert.Equal("username=ada&code=ABC-123&age=36", Assert.Single(server.Requests).Body);
    }

    [Fact]
    public void Length_and_pattern_apply_to_the_text_a_formatted_value_is_sent_as()
    {
        var profile = New("Profile", ("Id", Guid.Parse("0F8FAD5B-D9CB-469F-A165-70867728950E")), ("Site", new Uri("https://example.com/much/too/long")));
        var error = Assert.Throws<RequestValidationException>(() => RequestValidator.ThrowIfInvalid((IValidatable)profile));
        // The UUID is sent lower-case, which the pattern allows; the URI as given, which is too long.
        Assert.Equal(["$.site: longer than 20 characters"], error.Violations);
    }

    [Fact]
    public void An_empty_list_or_map_default_is_the_value_of_an_absent_member_and_is_not_written()
    {
        var profile = Spec.Value.Read("Profile", "{}");

        Assert.Empty((IEnumerable<string>)CompiledSpec.Get(profile, "Tags")!);
        Assert.Empty((IReadOnlyDictionary<string, long>)CompiledSpec.Get(profile, "Labels")!);
        Assert.Equal("{}", Spec.Value.Write("Profile", profile));
    }

    private static object Client(ScriptedServer server) =>
        Activator.CreateInstance(Spec.Value.Type("SignupClient"), new HttpClient { BaseAddress = server.BaseAddress }, new ApiClientOptions { Retry = RetryOptions.None })!;

    private static object New(string type, params (string Member, object? Value)[] members) => Spec.Value.New(type, members);
}
