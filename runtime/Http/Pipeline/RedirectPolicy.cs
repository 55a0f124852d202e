namespace Specgen.Runtime.Infrastructure;

/// <summary>Where a redirect sends the request, with which method, and whether the body goes too.</summary>
internal sealed record Redirect(Uri Target, string Method, bool WithBody);

/// <summary>The redirects policy: what the client follows itself, and with which credentials.</summary>
internal static class RedirectPolicy
{
    /// <summary>
    /// Sends the request, and follows the redirects an HttpClient that does not follow them itself returns
    /// (its handler has <c>AllowAutoRedirect = false</c>): to the same origin with the
    /// credentials, to another without any, never from https to http; 303 (and 301/302 after a POST) as a
    /// GET without the body; 307/308 with the method and body, when the body can be sent again.
    /// </summary>
    public static async Task<HttpResponseMessage> SendAsync(HttpClient http, ApiRequest request, SentCredentials credentials, Func<SentCredentials, Redirect?, HttpRequestMessage> create, CancellationToken cancellationToken)
    {
        var redirect = (Redirect?)null;
        for (var hops = 0; ; hops++)
        {
            using var message = create(credentials, redirect);
            var response = await http.SendAsync(message, HttpCompletionOption.ResponseHeadersRead, cancellationToken).ConfigureAwait(false);
            var status = (int)response.StatusCode;
            if (status is not (301 or 302 or 303 or 307 or 308) || response.Headers.Location is not { } location || hops == MaxRedirects)
            {
                return response;
            }

            var from = message.RequestUri!;
            var to = location.IsAbsoluteUri ? location : new Uri(from, location);
            var keepsMethod = status is 307 or 308 || (status is 301 or 302 && message.Method != HttpMethod.Post);
            if ((from.Scheme == Uri.UriSchemeHttps && to.Scheme != Uri.UriSchemeHttps) || (keepsMethod && request.Body is not null && !request.CanResend))
            {
                return response;
            }

            response.Dispose();
            var sameOrigin = Uri.Compare(from, to, UriComponents.SchemeAndServer, UriFormat.Unescaped, StringComparison.OrdinalIgnoreCase) == 0;
            credentials = sameOrigin ? credentials : new SentCredentials();
            redirect = new Redirect(to, keepsMethod ? request.Method : "GET", keepsMethod);
        }
    }

    private const int MaxRedirects = 10;
}
