namespace Specgen.Runtime;

/// <summary>Settings for a generated client: where to send, and how to authenticate.</summary>
public sealed class ApiClientOptions
{
    /// <summary>A static bearer token. Ignored when <see cref="AccessTokenProvider"/> is set.</summary>
    public string? AccessToken { get; set; }

    /// <summary>Called before every request for the bearer token, so a refreshed token is used.</summary>
    public Func<CancellationToken, ValueTask<string?>>? AccessTokenProvider { get; set; }

    /// <summary>The server to call. Defaults to the HttpClient's base address, then to the spec's server.</summary>
    public Uri? BaseAddress { get; set; }

    /// <summary>
    /// The JSON options used for bodies. Defaults to <see cref="System.Text.Json.JsonSerializerOptions.Default"/>:
    /// the generated types carry their wire mapping in attributes.
    /// </summary>
    public System.Text.Json.JsonSerializerOptions? JsonOptions { get; set; }
}
