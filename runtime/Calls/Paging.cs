using System.ComponentModel;
using System.Globalization;

namespace Specgen.Runtime.Infrastructure;

/// <summary>What the generated paged methods call: continuation tokens to and from parameters, the next link, the next offset or page.</summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public static class Paging
{
    /// <summary>A page of <paramref name="items"/> (none when the body has no list) from <paramref name="response"/>.</summary>
    public static ApiPage<T> Page<T>(ApiResponse response, IReadOnlyList<T>? items, string? next) =>
        new(items ?? [], string.IsNullOrEmpty(next) ? null : next, response);

    /// <summary>A cursor as a continuation token.</summary>
    public static string? Token(string? cursor) => cursor;

    /// <summary>A numeric cursor (Vercel's <c>pagination.next</c>, a timestamp) as a continuation token.</summary>
    public static string? Token(double? cursor) => cursor?.ToString("R", CultureInfo.InvariantCulture);

    /// <summary>A numeric cursor as a continuation token.</summary>
    public static string? Token(long? cursor) => cursor?.ToString(CultureInfo.InvariantCulture);

    /// <summary>A continuation token for a <c>double</c> parameter.</summary>
    public static double? Double(string token) => double.Parse(token, NumberStyles.Float, CultureInfo.InvariantCulture);

    /// <summary>A continuation token for a <c>long</c> parameter.</summary>
    public static long? Int64(string token) => long.Parse(token, NumberStyles.Integer, CultureInfo.InvariantCulture);

    /// <summary>A continuation token for an <c>int</c> parameter.</summary>
    public static int? Int32(string token) => int.Parse(token, NumberStyles.Integer, CultureInfo.InvariantCulture);

    /// <summary>The <c>rel="next"</c> address of the response's <c>Link</c> header (RFC 8288), or null.</summary>
    public static string? NextLink(ApiResponse response)
    {
        ArgumentNullException.ThrowIfNull(response);
        if (!response.Headers.TryGetValues("Link", out var values))
        {
            return null;
        }

        foreach (var value in values)
        {
            foreach (var link in SplitLinks(value))
            {
                var close = link.IndexOf('>', StringComparison.Ordinal);
                if (link.StartsWith('<') && close > 0 && IsNext(link[(close + 1)..]))
                {
                    return link.Substring(1, close - 1);
                }
            }
        }

        return null;
    }

    /// <summary>The offset after a page of <paramref name="count"/> items, or null when it was the last (empty, or shorter than the limit).</summary>
    public static string? NextOffset(double? offset, int count, double? limit) =>
        count == 0 || (limit is { } size && count < size) ? null : ((long)(offset ?? 0) + count).ToString(CultureInfo.InvariantCulture);

    /// <summary>The page number after <paramref name="page"/> (the first is <paramref name="first"/>), or null when it was the last.</summary>
    public static string? NextPage(double? page, int count, double? size, long first) =>
        count == 0 || (size is { } perPage && count < perPage) ? null : ((long)(page ?? first) + 1).ToString(CultureInfo.InvariantCulture);

    /// <summary>
    /// The options for a call to the page <paramref name="next"/> names (a <c>Link</c> header's address): the
    /// caller's options, sent there. Credentials go with it only to the client's own origin.
    /// </summary>
    public static ApiRequestOptions? At(ApiRequestOptions? options, string? next)
    {
        if (next is null)
        {
            return options;
        }

        var at = new ApiRequestOptions { Timeout = options?.Timeout, Retry = options?.Retry, PageAddress = new Uri(next, UriKind.RelativeOrAbsolute) };
        foreach (var header in options?.Headers ?? new Dictionary<string, string>())
        {
            at.Headers[header.Key] = header.Value;
        }

        return at;
    }

    private static IEnumerable<string> SplitLinks(string value)
    {
        // Commas separate links, except inside <…> and quoted parameters.
        var start = 0;
        var inUri = false;
        var inQuotes = false;
        for (var i = 0; i < value.Length; i++)
        {
            switch (value[i])
            {
                case '<' when !inQuotes: inUri = true; break;
                case '>' when !inQuotes: inUri = false; break;
                case '"' when !inUri: inQuotes = !inQuotes; break;
                case ',' when !inUri && !inQuotes:
                    yield return value[start..i].Trim();
                    start = i + 1;
                    break;
            }
        }

        yield return value[start..].Trim();
    }

    private static bool IsNext(string parameters)
    {
        foreach (var parameter in parameters.Split(';'))
        {
            var equals = parameter.IndexOf('=', StringComparison.Ordinal);
            if (equals > 0 && parameter[..equals].Trim().Equals("rel", StringComparison.OrdinalIgnoreCase)
                && parameter[(equals + 1)..].Trim().Trim('"').Split(' ', StringSplitOptions.RemoveEmptyEntries).Any(r => r.Equals("next", StringComparison.OrdinalIgnoreCase)))
            {
                return true;
            }
        }

        return false;
    }
}
