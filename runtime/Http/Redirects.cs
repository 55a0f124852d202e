namespace Specgen.Runtime.Infrastructure;

/// <summary>
/// Leaves redirects to the client. HttpClient's own following drops <c>Authorization</c> but forwards
/// every other header (an API key, a cookie) to whatever host the server names; the client, when its
/// handler does not follow redirects, follows them itself: credentials to the same origin only, never
/// from https to http.
/// </summary>
[global::System.ComponentModel.EditorBrowsable(global::System.ComponentModel.EditorBrowsableState.Never)]
public static class Redirects
{
    /// <summary>
    /// Turns off automatic redirects on a primary handler that has them (<see cref="HttpClientHandler"/>,
    /// <see cref="SocketsHttpHandler"/>); any other handler is left as it is. Call it before the handler
    /// sends its first request.
    /// </summary>
    /// <param name="handler">The primary handler of the client's HttpClient.</param>
    public static void LeaveToClient(HttpMessageHandler handler)
    {
        switch (handler)
        {
            case HttpClientHandler clientHandler:
                clientHandler.AllowAutoRedirect = false;
                break;
            case SocketsHttpHandler socketsHandler when SocketsHttpHandler.IsSupported:
                socketsHandler.AllowAutoRedirect = false;
                break;
        }
    }
}
