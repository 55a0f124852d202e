using Specgen.Runtime;
using Specgen.Tests.Infrastructure;
using Xunit;

namespace Specgen.Tests;

/// <summary>readOnly and writeOnly members (directions.yaml): the server's members are neither required of the caller nor sent; the caller's are not missed in a response.</summary>
public class DirectionTests
{
    private static readonly Lazy<CompiledSpec> Spec = new(() => CompiledSpec.Compile("directions.yaml"));

    private const string Stored = """{"id":"u1","name":"ada","createdAt":"2024-05-01T12:30:00Z"}""";

    [Fact]
    public void Only_members_the_caller_sends_are_required_in_CSharp()
    {
        const string user = """
            namespace Fixture;
            public static class Use
            {
                public static User Make() => new User { Name = "ada", Password = "correct horse" };
            }
            """;
        var run = GeneratorHarness.Run([CompiledSpec.Fixture("directions.yaml")], user);

        Assert.Empty(run.CompileDiagnostics());
        var required = Spec.Value.Type("User").GetProperties()
            .Where(p => p.GetCustomAttributes(false).Any(a => a.GetType().Name == "RequiredMemberAttribute"))
            .Select(p => p.Name).Order();
        Assert.Equal(["Name", "Password"], required);
    }

    [Fact]
    public async Task A_response_sent_back_as_a_request_leaves_out_the_server_s_members()
    {
        await using var server = await ScriptedServer.StartAsync((context, _) => ScriptedServer.Reply(context, 201, Stored, ("Content-Type", "application/json")));
        var client = Activator.CreateInstance(Spec.Value.Type("AccountsClient"), new HttpClient { BaseAddress = server.BaseAddress }, new ApiClientOptions { StrictResponses = true })!;
        var stored = Spec.Value.Read("User", Stored);
        var again = stored.GetType().GetMethod("<Clone>$")!.Invoke(stored, null)!;
        again.GetType().GetProperty("Password")!.SetValue(again, "correct horse");

        var answer = await CompiledSpec.CallAsync(client, "CreateUserAsync", again, CancellationToken.None);

        Assert.Equal("""{"name":"ada","password":"correct horse"}""", Assert.Single(server.Requests).Body);
        // The answer lacks the writeOnly password, and even a strict read takes it.
        Assert.Equal("u1", CompiledSpec.Get(answer!, "Id"));
    }

    [Fact]
    public void Serialized_outside_a_request_a_value_keeps_every_member()
    {
        Assert.Equal(Stored, Spec.Value.Write("User", Spec.Value.Read("User", Stored)));
    }

    [Fact]
    public void The_members_say_which_way_they_travel()
    {
        var source = Spec.Value.Run.SourceOf("User");

        Assert.Contains("Set by the server (read-only): not sent in requests.", source, StringComparison.Ordinal);
        Assert.Contains("Sent in requests (write-only): responses do not carry it.", source, StringComparison.Ordinal);
    }
}
