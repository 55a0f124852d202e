using Specgen.Generator.Common;

namespace Specgen.Generator.Model;

/// <summary>
/// One of the spec's <c>securitySchemes</c> that the client can send: the runtime class that sends it (in
/// <c>Specgen.Runtime.Infrastructure</c>), constructed with the scheme's name and <paramref name="Arguments"/>,
/// and the typed property of the client's options that takes its credential. A new kind of scheme is a runtime
/// class and a row of <c>SecurityModeller</c>; nothing here or in the emitters knows the kinds.
/// </summary>
/// <param name="Key">Its name in the spec.</param>
/// <param name="RuntimeClass">The runtime class that sends it (<c>BasicScheme</c>, <c>ApiKeyScheme</c>…).</param>
/// <param name="Arguments">The constructor's arguments after the name, all text (an API key's <c>in</c> and name, a token URL, then the requirements' scopes).</param>
/// <param name="Credential">The options property that sets its credential; null when the options' <c>AccessToken</c> serves.</param>
/// <param name="TakesScopes">Whether the scopes the operations' requirements name are appended to <paramref name="Arguments"/> (OAuth 2 client credentials).</param>
internal sealed record SecuritySchemeModel(
    string Key,
    string RuntimeClass,
    EquatableArray<string> Arguments,
    SchemeCredential? Credential,
    string? Description,
    bool TakesScopes = false);

/// <summary>
/// The typed property of the client's options that holds a scheme's credential, and what its remarks say.
/// </summary>
/// <param name="Property">The property's name.</param>
/// <param name="Type">The credential's C# type (<c>string</c>, or a runtime type such as <c>global::Specgen.Runtime.BasicCredentials</c>).</param>
/// <param name="Sentence">What the credential is and where it goes, as documentation text with <c>{0}</c>, <c>{1}</c>… for <paramref name="Values"/>.</param>
/// <param name="Values">Text from the spec the sentence quotes (a header name, a token URL), escaped where it is written.</param>
internal sealed record SchemeCredential(string Property, string Type, string Sentence, EquatableArray<string> Values);

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
