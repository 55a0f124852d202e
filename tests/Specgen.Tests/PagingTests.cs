using Microsoft.AspNetCore.Http;
using Specgen.Runtime;
using Specgen.Tests.Infrastructure;
using Xunit;

namespace Specgen.Tests;

/// <summary>
/// Paged operations (paging.yaml) get a second method, every item page by page, against Kestrel serving
/// the pages: a Vercel-style cursor (<c>pagination.next</c> → <c>until</c>), a GitHub-style <c>Link</c>
/// header, offset and limit, and a cursor the spec declares with <c>x-specgen-pagination</c>.
/// </summary>
public class PagingTests
{
    private static readonly Lazy<CompiledSpec> Spec = new(() => CompiledSpec.Compile("paging.yaml"));

    private static object Client(ScriptedServer server) =>
        Activator.CreateInstance(Spec.Value.Type("PagingClient"), new HttpClient { BaseAddress = server.BaseAddress }, new ApiClientOptions { AccessToken = "page-token", Retry = RetryOptions.None })!;

    /// <summary>A paged method's result (its items, covariantly as objects), called with its parameters by name and the rest left out.</summary>
    private static IAsyncEnumerable<object> Paged(object client, string method, params (string Name, object? Value)[] arguments)
    {
        var (target, info) = CompiledSpec.Find(client, method);
        var values = info.GetParameters().Select(p => arguments.FirstOrDefault(a => a.Name == p.Name).Value).ToArray();
        return (IAsyncEnumerable<object>)info.Invoke(target, values)!;
    }

    private static string Name(object item) => (string)CompiledSpec.Get(item, "Name")!;

    private static Task TeamsPage(HttpContext context)
    {
        // Newest first: a page's pagination.next is the timestamp the next page is "until".
        var (teams, next) = context.Request.Query["until"].ToString() switch
        {
            "" => ("""{"id":"1","name":"t1"},{"id":"2","name":"t2"}""", "300"),
            "300" => ("""{"id":"3","name":"t3"},{"id":"4","name":"t4"}""", "200"),
            "200" => ("""{"id":"5","name":"t5"}""", "null"),
            var other => throw new InvalidOperationException(other),
        };
        return ScriptedServer.Reply(context, 200, $$$"""{"teams":[{{{teams}}}],"pagination":{"count":2,"next":{{{next}}},"prev":null}}""");
    }

    private static Task ReposPage(HttpContext context, Uri? elsewhere = null)
    {
        var self = elsewhere ?? new Uri($"http://{context.Request.Host}");
        var page = context.Request.Query["page"].ToString() is { Length: > 0 } p ? int.Parse(p, System.Globalization.CultureInfo.InvariantCulture) : 1;
        string Link(int n) => $"<{new Uri(self, $"/orgs/acme/repos?per_page=2&page={n}")}>";
        var links = page < 3
            ? $"{Link(page + 1)}; rel=\"next\", {Link(3)}; rel=\"last\""
            : $"{Link(2)}; rel=\"prev\", {Link(1)}; rel=\"first\"";
        var repos = page < 3 ? $$"""[{"id":{{page * 2 - 1}},"name":"r{{page * 2 - 1}}"},{"id":{{page * 2}},"name":"r{{page * 2}}"}]""" : """[{"id":5,"name":"r5"}]""";
        return ScriptedServer.Reply(context, 200, repos, ("Link", links));
    }

    [Fact]
    public async Task A_Vercel_style_cursor_pages_through_every_team_sending_each_page_s_next_as_until()
    {
        await using var server = await ScriptedServer.StartAsync((context, _) => TeamsPage(context));
        var client = Client(server);

        var teams = new List<string>();
        await foreach (var team in Paged(client, "Teams.GetAllTeamsAsync", ("limit", 2.0)))
        {
            teams.Add(Name(team));
        }

        Assert.Equal(["t1", "t2", "t3", "t4", "t5"], teams);
        Assert.Equal(["/v2/teams?limit=2", "/v2/teams?limit=2&until=300", "/v2/teams?limit=2&until=200"], server.Requests.Select(r => r.PathAndQuery));
        Assert.All(server.Requests, r => Assert.Equal("Bearer page-token", r.Authorization));
    }

    [Fact]
    public async Task A_GitHub_style_Link_header_pages_through_every_repository_following_rel_next()
    {
        await using var server = await ScriptedServer.StartAsync((context, _) => ReposPage(context));
        var client = Client(server);

        var repos = new List<string>();
        await foreach (var repo in Paged(client, "Repos.ListAllForOrgAsync", ("org", "acme"), ("perPage", 2L)))
        {
            repos.Add(Name(repo));
        }

        Assert.Equal(["r1", "r2", "r3", "r4", "r5"], repos);
        Assert.Equal(["/orgs/acme/repos?per_page=2", "/orgs/acme/repos?per_page=2&page=2", "/orgs/acme/repos?per_page=2&page=3"], server.Requests.Select(r => r.PathAndQuery));
        Assert.All(server.Requests, r => Assert.Equal("Bearer page-token", r.Authorization));
    }

    [Theory]
    [InlineData("Repos.ListAllForOrgAsync", 1, 1)]
    [InlineData("Repos.ListAllForOrgAsync", 3, 2)]
    [InlineData("Teams.GetAllTeamsAsync", 2, 1)]
    public async Task Pages_are_fetched_only_as_the_caller_enumerates_and_none_after_it_stops(string method, int taken, int fetched)
    {
        await using var server = await ScriptedServer.StartAsync((context, _) => method.StartsWith("Repos", StringComparison.Ordinal) ? ReposPage(context) : TeamsPage(context));
        var client = Client(server);

        var read = 0;
        await foreach (var _ in Paged(client, method, ("org", "acme"), ("perPage", 2L), ("limit", 2.0)))
        {
            if (++read == taken)
            {
                break;
            }
        }

        Assert.Equal(taken, read);
        Assert.Equal(fetched, server.Requests.Count);
    }

    [Fact]
    public async Task A_page_s_continuation_token_resumes_from_the_page_after_it()
    {
        await using var server = await ScriptedServer.StartAsync((context, _) => TeamsPage(context));
        var client = Client(server);
        var pages = Paged(client, "Teams.GetAllTeamsAsync", ("limit", 2.0));
        var asPages = pages.GetType().GetMethod("AsPages")!;

        string? token = null;
        await foreach (var page in (IAsyncEnumerable<object>)asPages.Invoke(pages, [null])!)
        {
            token = (string?)CompiledSpec.Get(page, "ContinuationToken");
            Assert.Equal(200, ((ApiResponse)CompiledSpec.Get(page, "Response")!).StatusCode);
            break;
        }

        Assert.Equal("300", token);
        var resumed = new List<string>();
        await foreach (var page in (IAsyncEnumerable<object>)asPages.Invoke(pages, [token])!)
        {
            resumed.AddRange(((IEnumerable<object>)CompiledSpec.Get(page, "Items")!).Select(Name));
        }

        Assert.Equal(["t3", "t4", "t5"], resumed);
        Assert.Equal(["/v2/teams?limit=2", "/v2/teams?limit=2&until=300", "/v2/teams?limit=2&until=200"], server.Requests.Select(r => r.PathAndQuery));
    }

    [Fact]
    public async Task A_page_that_fails_once_is_retried_by_the_client_s_policy_and_the_paging_goes_on()
    {
        // The second page answers 503 once: its call is retried, as any call is, and no item is lost or read twice.
        await using var server = await ScriptedServer.StartAsync((context, index) => index == 1
            ? ScriptedServer.Reply(context, 503, """{"error":{"code":"busy","message":"try again"}}""")
            : TeamsPage(context));
        var options = new ApiClientOptions { AccessToken = "page-token", TimeProvider = new InstantTimeProvider(DateTimeOffset.UnixEpoch), Retry = new RetryOptions { MaxRetries = 1 } };
        var client = Activator.CreateInstance(Spec.Value.Type("PagingClient"), new HttpClient { BaseAddress = server.BaseAddress }, options)!;

        var teams = new List<string>();
        await foreach (var team in Paged(client, "Teams.GetAllTeamsAsync", ("limit", 2.0)))
        {
            teams.Add(Name(team));
        }

        Assert.Equal(["t1", "t2", "t3", "t4", "t5"], teams);
        Assert.Equal(["/v2/teams?limit=2", "/v2/teams?limit=2&until=300", "/v2/teams?limit=2&until=300", "/v2/teams?limit=2&until=200"], server.Requests.Select(r => r.PathAndQuery));
    }

    [Fact]
    public async Task Cancelling_the_enumeration_stops_before_the_next_page()
    {
        await using var server = await ScriptedServer.StartAsync((context, _) => TeamsPage(context));
        var client = Client(server);
        using var cancel = new CancellationTokenSource();

        var read = new List<string>();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(async () =>
        {
            await foreach (var team in Paged(client, "Teams.GetAllTeamsAsync", ("limit", 2.0)).WithCancellation(cancel.Token))
            {
                read.Add(Name(team));
                cancel.Cancel();
            }
        });

        Assert.Equal(["t1", "t2"], read);
        Assert.Single(server.Requests);
    }

    [Fact]
    public async Task Offset_and_limit_page_until_a_page_is_shorter_than_the_limit()
    {
        await using var server = await ScriptedServer.StartAsync((context, _) =>
        {
            var offset = int.Parse(context.Request.Query["offset"].ToString() is { Length: > 0 } o ? o : "0", System.Globalization.CultureInfo.InvariantCulture);
            var items = Enumerable.Range(offset, Math.Max(0, Math.Min(2, 5 - offset))).Select(i => $"\"i{i}\"");
            return ScriptedServer.Reply(context, 200, $$"""{"items":[{{string.Join(",", items)}}],"total":5}""");
        });
        var client = Client(server);

        var items = new List<object>();
        await foreach (var item in Paged(client, "Items.ListAllItemsAsync", ("limit", 2L)))
        {
            items.Add(item);
        }

        Assert.Equal(["i0", "i1", "i2", "i3", "i4"], items);
        Assert.Equal(["/items?limit=2", "/items?offset=2&limit=2", "/items?offset=4&limit=2"], server.Requests.Select(r => r.PathAndQuery));
    }

    [Fact]
    public async Task A_cursor_the_spec_declares_with_x_specgen_pagination_is_followed()
    {
        await using var server = await ScriptedServer.StartAsync((context, index) => ScriptedServer.Reply(context, 200, index == 0
            ? """{"data":["e1","e2"],"other":["x"],"meta":{"after":"e2"}}"""
            : """{"data":["e3"],"other":[],"meta":{"after":null}}"""));
        var client = Client(server);

        var events = new List<object>();
        await foreach (var item in Paged(client, "Items.ListAllEventsAsync"))
        {
            events.Add(item);
        }

        Assert.Equal(["e1", "e2", "e3"], events);
        Assert.Equal(["/events", "/events?starting_after=e2"], server.Requests.Select(r => r.PathAndQuery));
    }

    [Fact]
    public void An_operation_Specgen_is_unsure_of_stays_a_plain_method()
    {
        // Two lists in the body: which holds the items is not for Specgen to guess.
        var items = Spec.Value.Type("PagingClient").GetNestedTypes().Single(t => t.Name == "ItemsClient");

        Assert.NotNull(items.GetMethod("ListUnsureAsync"));
        Assert.DoesNotContain(items.GetMethods(), m => m.Name.Contains("Unsure", StringComparison.Ordinal) && m.Name != "ListUnsureAsync");
        Assert.Equal(typeof(ApiPageable<>), Spec.Value.Type("IItemsClient").GetMethod("ListAllItemsAsync")!.ReturnType.GetGenericTypeDefinition());
    }

    [Fact]
    public async Task A_next_link_to_another_origin_is_followed_without_the_credentials()
    {
        await using var elsewhere = await ScriptedServer.StartAsync((context, _) => ReposPage(context));
        await using var server = await ScriptedServer.StartAsync((context, _) => ReposPage(context, elsewhere.BaseAddress));
        var client = Client(server);

        var repos = new List<string>();
        await foreach (var repo in Paged(client, "Repos.ListAllForOrgAsync", ("org", "acme"), ("perPage", 2L)))
        {
            repos.Add(Name(repo));
        }

        Assert.Equal(["r1", "r2", "r3", "r4", "r5"], repos);
        Assert.Equal("Bearer page-token", Assert.Single(server.Requests).Authorization);
        Assert.Equal(2, elsewhere.Requests.Count);
        Assert.All(elsewhere.Requests, r => Assert.Null(r.Authorization));
    }

    [Fact]
    public async Task A_fake_pageable_gives_its_pages_and_resumes_from_their_tokens()
    {
        var pageable = ApiPageable<string>.FromPages(["a", "b"], ["c"], ["d"]);

        var all = new List<string>();
        await foreach (var item in pageable)
        {
            all.Add(item);
        }

        var tokens = new List<string?>();
        await foreach (var page in pageable.AsPages("1"))
        {
            tokens.Add(page.ContinuationToken);
        }

        Assert.Equal(["a", "b", "c", "d"], all);
        Assert.Equal(["2", null], tokens);
    }
}
