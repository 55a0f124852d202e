using System.Runtime.CompilerServices;

namespace Specgen.Runtime;

/// <summary>
/// Every item of a paged operation, read page by page as the caller enumerates: a page is fetched when
/// the items before it are used up, and none after the caller stops. Each page is one call, with the
/// method's request options and the client's retry policy; the token given to the enumerator cancels it.
/// </summary>
/// <example>
/// <code>
/// await foreach (var team in client.Teams.GetAllTeamsAsync(limit: 20))
///     Console.WriteLine(team.Name);
///
/// await foreach (var page in client.Teams.GetAllTeamsAsync().AsPages(savedToken))
///     Save(page.ContinuationToken);
/// </code>
/// </example>
/// <typeparam name="T">Each item.</typeparam>
public sealed class ApiPageable<T> : IAsyncEnumerable<T>
{
    private readonly Func<string?, CancellationToken, Task<ApiPage<T>>> _fetch;

    /// <summary>Items read with <paramref name="fetch"/>: the page a continuation token names (null for the first).</summary>
    /// <param name="fetch">Fetches the page a continuation token names; the generated methods pass it.</param>
    public ApiPageable(Func<string?, CancellationToken, Task<ApiPage<T>>> fetch)
    {
        ArgumentNullException.ThrowIfNull(fetch);
        _fetch = fetch;
    }

    /// <summary>
    /// The pages, from the one <paramref name="continuationToken"/> names (an earlier page's
    /// <see cref="ApiPage{T}.ContinuationToken"/>), or from the first.
    /// </summary>
    public IAsyncEnumerable<ApiPage<T>> AsPages(string? continuationToken = null) => PagesAsync(continuationToken, default);

    /// <inheritdoc/>
    public async IAsyncEnumerator<T> GetAsyncEnumerator(CancellationToken cancellationToken = default)
    {
        await foreach (var page in PagesAsync(null, cancellationToken).ConfigureAwait(false))
        {
            foreach (var item in page.Items)
            {
                yield return item;
            }
        }
    }

    private async IAsyncEnumerable<ApiPage<T>> PagesAsync(string? continuationToken, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var token = continuationToken;
        var seen = new HashSet<string>(StringComparer.Ordinal);
        do
        {
            cancellationToken.ThrowIfCancellationRequested();
            var page = await _fetch(token, cancellationToken).ConfigureAwait(false);
            yield return page;
            token = page.ContinuationToken;

            // A server that names a page it already sent would page forever: the pages end there.
        }
        while (token is not null && seen.Add(token));
    }

    /// <summary>Items in the pages given, for tests: each page's continuation token is its index.</summary>
    public static ApiPageable<T> FromPages(params IEnumerable<T>[] pages)
    {
        ArgumentNullException.ThrowIfNull(pages);
        var lists = pages.Select(p => (IReadOnlyList<T>)p.ToList()).ToList();
        return new ApiPageable<T>((token, _) =>
        {
            var index = token is null ? 0 : int.Parse(token, System.Globalization.CultureInfo.InvariantCulture);
            var items = index < lists.Count ? lists[index] : [];
            var next = index + 1 < lists.Count ? (index + 1).ToString(System.Globalization.CultureInfo.InvariantCulture) : null;
            return Task.FromResult(new ApiPage<T>(items, next, new ApiResponse(200, ApiHeaders.Empty)));
        });
    }
}

/// <summary>One page of a paged operation: its items, the token of the page after it, and its response.</summary>
/// <typeparam name="T">Each item.</typeparam>
public sealed class ApiPage<T>
{
    /// <summary>A page.</summary>
    /// <param name="items">Its items.</param>
    /// <param name="continuationToken">The token of the next page; null for the last.</param>
    /// <param name="response">The page's response.</param>
    public ApiPage(IReadOnlyList<T> items, string? continuationToken, ApiResponse response)
    {
        ArgumentNullException.ThrowIfNull(items);
        ArgumentNullException.ThrowIfNull(response);
        Items = items;
        ContinuationToken = continuationToken;
        Response = response;
    }

    /// <summary>The page's items.</summary>
    public IReadOnlyList<T> Items { get; }

    /// <summary>
    /// What names the next page (a cursor, the next link, the next offset or page number): pass it to
    /// <see cref="ApiPageable{T}.AsPages"/> to go on from there later. Null on the last page.
    /// </summary>
    public string? ContinuationToken { get; }

    /// <summary>The page's status and headers; for a generated method, the <see cref="ApiResponse{T}"/> with the whole body.</summary>
    public ApiResponse Response { get; }
}
