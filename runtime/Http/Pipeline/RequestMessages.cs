namespace Specgen.Runtime.Infrastructure;

/// <summary>An attempt's <see cref="HttpRequestMessage"/>: address, credentials, body, and headers in the order that decides.</summary>
internal static class RequestMessages
{
    private static readonly Dictionary<string, string> EmptyHeaders = [];

    /// <summary>The address a <c>Link</c> header named for the next page, resolved against the base address; null for none.</summary>
    public static Uri? PageTarget(ApiRequest request, Uri baseAddress) =>
        request.Options?.PageAddress is { } page ? (page.IsAbsoluteUri ? page : new Uri(baseAddress, page)) : null;

    /// <summary>Whether the request goes to another origin than the base address (a next page's link elsewhere): it gets no credentials.</summary>
    public static bool LeavesOrigin(ApiRequest request, Uri baseAddress) =>
        PageTarget(request, baseAddress) is { } target
        && Uri.Compare(target, baseAddress, UriComponents.SchemeAndServer, UriFormat.Unescaped, StringComparison.OrdinalIgnoreCase) != 0;

    /// <summary>The message of an attempt (or of a redirect of it), with the credentials chosen for it.</summary>
    public static HttpRequestMessage Create(ApiRequest request, SentCredentials credentials, Redirect? redirect, Uri baseAddress, CredentialContext context)
    {
        var target = redirect?.Target ?? PageTarget(request, baseAddress) ?? CredentialContext.Combine(baseAddress, request.RelativeUri());
        var message = new HttpRequestMessage(new HttpMethod(redirect?.Method ?? request.Method), target);
        if (request.CookieHeader() is { } cookies)
        {
            message.Headers.TryAddWithoutValidation("Cookie", cookies);
        }

        // Credentials go to the configured server only: a redirect elsewhere gets none (above), and
        // HttpClient drops Authorization when it follows one itself. Each scheme puts its own on.
        foreach (var credential in credentials.Sent)
        {
            credential.Scheme.Apply(message, credential);
        }

        if (credentials.Sent.Count > 0)
        {
            context.EnsureSecure(message.RequestUri!, credentials.Sent.Select(s => s.Scheme.Name));
        }

        // A redirect that turns the request into a GET sends no body.
        if (redirect is not { WithBody: false } && request.Body is { } body)
        {
            message.Content = body.CreateContent();
        }

        if (request.Accept is { } accept)
        {
            message.Headers.TryAddWithoutValidation("Accept", accept);
        }

        // A header parameter the caller gives replaces a credential of the same name (an Authorization
        // parameter of a spec that declares no security, beside the options' token); the body's media
        // type stays the spec's.
        foreach (var header in request.Headers)
        {
            AddHeader(message, header.Key, header.Value, replace: !IsBodyHeader(header.Key));
        }

        foreach (var header in request.Options?.Headers ?? EmptyHeaders)
        {
            AddHeader(message, header.Key, header.Value, replace: true);
        }

        return message;
    }

    /// <summary>
    /// Adds a header to the request, or, for a header of the body (<c>Content-Length</c>,
    /// <c>Content-Language</c>, …), to its content: a spec's <c>Content-Length</c> parameter gives a stream
    /// that cannot seek its length, so it is sent with it rather than chunked. A body header without a body
    /// is not sent; the body's media type is the spec's, and only the call's own headers replace it.
    /// </summary>
    private static void AddHeader(HttpRequestMessage message, string name, string value, bool replace)
    {
        if (!IsBodyHeader(name))
        {
            if (replace)
            {
                message.Headers.Remove(name);
            }

            message.Headers.TryAddWithoutValidation(name, value);
            return;
        }

        if (message.Content is not { } content || (!replace && string.Equals(name, "Content-Type", StringComparison.OrdinalIgnoreCase)))
        {
            return;
        }

        content.Headers.Remove(name);
        if (string.Equals(name, "Content-Length", StringComparison.OrdinalIgnoreCase))
        {
            content.Headers.ContentLength = long.TryParse(value, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var length) ? length : null;
            return;
        }

        content.Headers.TryAddWithoutValidation(name, value);
    }

    /// <summary>The headers HttpClient keeps on a request's content, not on the request.</summary>
    private static bool IsBodyHeader(string name) =>
        name.StartsWith("Content-", StringComparison.OrdinalIgnoreCase)
        || string.Equals(name, "Allow", StringComparison.OrdinalIgnoreCase)
        || string.Equals(name, "Expires", StringComparison.OrdinalIgnoreCase)
        || string.Equals(name, "Last-Modified", StringComparison.OrdinalIgnoreCase);
}
