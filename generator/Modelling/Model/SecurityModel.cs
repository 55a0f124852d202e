using Specgen.Generator.Common;

namespace Specgen.Generator.Modelling.Model;

/// <summary>How a scheme's credential is sent.</summary>
internal enum SecuritySchemeKind
{
    /// <summary><c>Authorization: Bearer</c>: HTTP bearer, OAuth 2 and OpenID Connect (the caller supplies the token).</summary>
    Bearer,

    /// <summary><c>Authorization: Basic</c>.</summary>
    Basic,

    /// <summary>An API key in a header, a query parameter or a cookie.</summary>
    ApiKey,

    /// <summary>OAuth 2 client credentials: a token the client gets from the flow's token URL (or the caller's bearer token).</summary>
    ClientCredentials,
}

/// <summary>
/// One of the spec's <c>securitySchemes</c> that the client can send.
/// </summary>
/// <param name="Key">Its name in the spec.</param>
/// <param name="Property">The typed property of the client's options that sets its credential; null for a bearer scheme (<c>AccessToken</c>).</param>
/// <param name="Location">For an API key: the runtime's <c>ApiKeyLocation</c> member (Header, Query, Cookie).</param>
/// <param name="ParameterName">For an API key: the header, query parameter or cookie.</param>
/// <param name="TokenUrl">For client credentials: the flow's token URL.</param>
/// <param name="Scopes">For client credentials: the scopes the operations' requirements name, asked for by default.</param>
internal sealed record SecuritySchemeModel(
    string Key,
    SecuritySchemeKind Kind,
    string? Property,
    string? Location,
    string? ParameterName,
    string? Description,
    string? TokenUrl = null,
    EquatableArray<string> Scopes = default);

/// <summary>
/// The schemes a spec declares, the options class that takes their credentials (null when the runtime's
/// <c>ApiClientOptions</c> serves: no scheme needs a property of its own), and the distinct ways its
/// operations authenticate.
/// </summary>
/// <param name="Requirements">
/// Each distinct <c>security</c> of the spec's operations: alternatives, each the scheme keys sent together
/// (empty: no credentials needed). An operation names one by its index.
/// </param>
internal sealed record SecurityModel(
    EquatableArray<SecuritySchemeModel> Schemes,
    string? OptionsName,
    EquatableArray<EquatableArray<EquatableArray<string>>> Requirements)
{
    public static readonly SecurityModel None = new(EquatableArray<SecuritySchemeModel>.Empty, null, EquatableArray<EquatableArray<EquatableArray<string>>>.Empty);
}
