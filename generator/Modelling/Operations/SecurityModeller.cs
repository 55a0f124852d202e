using System.Collections.Generic;
using System.Linq;
using System.Text.Json.Nodes;
using Specgen.Generator.Common;
using Specgen.Generator.Diagnostics;
using Specgen.Generator.Model;
using static Specgen.Generator.Reading.JsonPointer;

namespace Specgen.Generator.Modelling;

/// <summary>
/// <c>components/securitySchemes</c> and the <c>security</c> of the document and its operations → the
/// schemes the client sends, its options' typed credential properties, and each operation's requirements.
/// Read from the document's JSON, where an absent <c>security</c> and <c>security: []</c> differ.
/// </summary>
internal sealed class SecurityModeller
{
    private readonly ModelContext _context;
    private readonly Dictionary<string, SecuritySchemeModel> _schemes = new(System.StringComparer.Ordinal);
    private readonly List<EquatableArray<EquatableArray<string>>> _requirements = new();
    private readonly bool _declaresSecurity;

    public SecurityModeller(ModelContext context, string optionsName)
    {
        _context = context;
        OptionsName = optionsName;
        var root = context.Spec.Root;
        var properties = new NameScope(ReservedNames.Options.Append(optionsName));
        if (root["components"]?["securitySchemes"] is JsonObject declared)
        {
            foreach (var entry in declared)
            {
                var pointer = "/components/securitySchemes/" + Escape(entry.Key);
                if (Scheme(entry.Key, Resolve(entry.Value), pointer, properties) is { } scheme)
                {
                    _schemes[entry.Key] = scheme;
                }
            }
        }

        _declaresSecurity = root["security"] is JsonArray || root["components"]?["securitySchemes"] is JsonObject { Count: > 0 };
    }

    /// <summary>The name of the options class the client's credentials are set on, when it has typed properties.</summary>
    public string OptionsName { get; }

    /// <summary>
    /// The index of the operation's requirements among <see cref="SecurityModel.Requirements"/>: its own
    /// <c>security</c>, else the document's, else none needed; null when the spec declares no security at all
    /// (no schemes, no document security, none of its own).
    /// </summary>
    public int? For(PartAt operationAt, string operation)
    {
        var ownAt = operationAt.Child("security");
        var own = ownAt.Node as JsonArray;
        if (!_declaresSecurity && own is null)
        {
            return null;
        }

        var (security, at) = own is not null ? (own, ownAt.Pointer) : (_context.Spec.Root["security"] as JsonArray, "/security");
        var alternatives = new List<EquatableArray<string>>();
        for (var i = 0; i < (security?.Count ?? 0); i++)
        {
            if (security![i] is not JsonObject requirement)
            {
                continue;
            }

            var keys = new List<string>();
            foreach (var entry in requirement)
            {
                if (_schemes.ContainsKey(entry.Key))
                {
                    keys.Add(entry.Key);
                    var scopes = Scopes(entry.Key);
                    foreach (var scope in (entry.Value as JsonArray ?? new JsonArray()).Select(Text).OfType<string>())
                    {
                        if (scope.Length > 0 && !scopes.Contains(scope))
                        {
                            scopes.Add(scope);
                        }
                    }
                }
                else if (!Unsendable.Contains(entry.Key))
                {
                    _context.Report(Descriptors.UndeclaredSecurityScheme, at + "/" + i.ToString(System.Globalization.CultureInfo.InvariantCulture), operation, entry.Key);
                }
            }

            alternatives.Add(keys.ToEquatableArray());
        }

        var set = alternatives.ToEquatableArray();
        var index = _requirements.IndexOf(set);
        if (index < 0)
        {
            index = _requirements.Count;
            _requirements.Add(set);
        }

        return index;
    }

    public SecurityModel Model() => new(
        _schemes.Values.Select(s => s.TakesScopes ? s with { Arguments = s.Arguments.Concat(Scopes(s.Key)).ToEquatableArray() } : s).ToEquatableArray(),
        _schemes.Values.Any(s => s.Credential is not null) ? OptionsName : null,
        _requirements.ToEquatableArray());

    private readonly Dictionary<string, List<string>> _scopes = new(System.StringComparer.Ordinal);

    /// <summary>The scopes the requirements name for a scheme, in the order first named, each once.</summary>
    private List<string> Scopes(string key)
    {
        if (!_scopes.TryGetValue(key, out var scopes))
        {
            _scopes[key] = scopes = new List<string>();
        }

        return scopes;
    }

    /// <summary>Schemes that are declared but cannot be sent by the client (reported once where declared).</summary>
    private HashSet<string> Unsendable { get; } = new(System.StringComparer.Ordinal);

    /// <summary>
    /// The schemes the client sends, one row each: the runtime class that sends it, its arguments, and the typed
    /// credential the options take. A new kind of scheme is a row here and a class in the runtime.
    /// </summary>
    private SecuritySchemeModel? Scheme(string key, JsonObject? scheme, string pointer, NameScope properties)
    {
        var description = Text(scheme?["description"]);
        var type = Text(scheme?["type"])?.ToLowerInvariant();
        var http = type == "http" ? Text(scheme!["scheme"])?.ToLowerInvariant() : null;
        SchemeCredential Credential(string credentialType, string sentence, params string[] values) =>
            new(Property(key, properties, pointer), credentialType, sentence, values.ToEquatableArray());
        SecuritySchemeModel Row(string runtimeClass, SchemeCredential? credential, params string[] arguments) =>
            new(key, runtimeClass, arguments.ToEquatableArray(), credential, description);

        switch (type)
        {
            case "http" when http == "basic":
                return Row("BasicScheme", Credential(Runtime + "BasicCredentials", "HTTP basic: the user name and password, sent in <c>Authorization</c>."));
            case "http" when http == "digest":
                return Row("DigestScheme", Credential(Runtime + "BasicCredentials", "HTTP digest: the user name and password answer the server's challenge in <c>Authorization</c>; the password itself is never sent."));
            case "oauth2" when Text(scheme!["flows"]?["clientCredentials"]?["tokenUrl"]) is { Length: > 0 } tokenUrl:
                return Row(
                    "ClientCredentialsScheme",
                    Credential(Runtime + "ClientCredentials", "OAuth 2 client credentials: the client id and secret the client gets a token with from <c>{0}</c>, kept until shortly before it expires; the token is sent as a bearer token. Without them, <c>AccessToken</c> is sent instead.", tokenUrl),
                    tokenUrl) with { TakesScopes = true };
            case "http" when http == "bearer":
            case "oauth2":
            case "openidconnect":
                return Row("BearerScheme", null);
            case "apikey" when Text(scheme!["name"]) is { Length: > 0 } name && Location(Text(scheme["in"])) is { } location:
                return Row("ApiKeyScheme", Credential("string", "The API key, sent in the <c>{0}</c> {1}.", name, location == "query" ? "query parameter" : location), location, name);
            case "apikey":
                Unsendable.Add(key);
                _context.Report(Descriptors.Unsupported, pointer, $"The apiKey security scheme '{key}' without a name and an 'in' of header, query or cookie", "it is never sent");
                return null;
            default:
                // mutualTLS is the HttpClient handler's certificate; other http schemes (negotiate) are not written.
                Unsendable.Add(key);
                var what = type == "http" ? $"The http security scheme '{key}' ({Text(scheme!["scheme"])})" : $"The security scheme '{key}' of type '{type}'";
                var fallback = type == "mutualtls" ? "give the HttpClient's handler the client certificate" : "it is never sent; add its header through requestOptions.Headers";
                _context.Report(Descriptors.Unsupported, pointer, what, fallback);
                return null;
        }
    }

    private const string Runtime = "global::Specgen.Runtime.";

    private string Property(string key, NameScope properties, string pointer) =>
        _context.ClaimFor(properties, "The security schemes", key, Naming.Pascal(key, "Credential"), pointer);

    /// <summary>An API key's <c>in</c>, as the runtime's <c>ApiKeyScheme</c> takes it.</summary>
    private static string? Location(string? @in) => @in?.ToLowerInvariant() is "header" or "query" or "cookie" ? @in.ToLowerInvariant() : null;

    /// <summary>A scheme, or the scheme a local <c>$ref</c> points to.</summary>
    private JsonObject? Resolve(JsonNode? node) =>
        node is JsonObject { } value && value["$ref"] is JsonValue reference && reference.TryGetValue(out string? target) && target.StartsWith("#/", System.StringComparison.Ordinal)
            ? Find(_context.Spec.Root, target.Substring(1)) as JsonObject
            : node as JsonObject;

    private static string? Text(JsonNode? node) => node is JsonValue value && value.TryGetValue(out string? text) ? text : null;
}
