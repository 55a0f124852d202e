using Specgen.Generator.Common;
using Specgen.Generator.Modelling.Model;

namespace Specgen.Generator.Emitting;

/// <summary>
/// <c>{Client}Options</c>: the runtime's <c>ApiClientOptions</c> with a typed property per security scheme
/// that takes a credential of its own (an API key, a user name and password), each stored by the scheme's
/// name in <c>Credentials</c>. Bearer schemes take <c>AccessToken</c>, which every client options has.
/// </summary>
internal static class OptionsEmitter
{
    public static void Write(SourceWriter writer, SpecModel spec)
    {
        var name = spec.Security.OptionsName!;
        // The client's name is an identifier: no spec text reaches this line.
        writer.Line($"/// <summary>Settings for <see cref=\"{spec.ClientName}\"/>, with the credentials its spec's security schemes take.</summary>");
        writer.Line(CSharp.GeneratedCodeAttribute);
        using (writer.Block($"{spec.Accessibility} sealed partial class {name} : {CSharp.Runtime}.ApiClientOptions"))
        {
            var first = true;
            foreach (var scheme in spec.Security.Schemes)
            {
                if (scheme.Property is not { } property)
                {
                    continue;
                }

                if (!first)
                {
                    writer.Line();
                }

                first = false;
                var key = CSharp.Literal(scheme.Key);
                var where = scheme.Kind switch
                {
                    SecuritySchemeKind.Basic => "HTTP basic: the user name and password, sent in <c>Authorization</c>.",
                    SecuritySchemeKind.ClientCredentials => $"OAuth 2 client credentials: the client id and secret the client gets a token with from <c>{DocComments.Escape(scheme.TokenUrl!)}</c>, kept until shortly before it expires; the token is sent as a bearer token. Without them, <c>AccessToken</c> is sent instead.",
                    _ => $"The API key, sent in the <c>{DocComments.Escape(scheme.ParameterName!)}</c> {scheme.Location!.ToLowerInvariant()}{(scheme.Location == "Query" ? " parameter" : string.Empty)}.",
                };
                DocComments.Summary(writer, scheme.Description, $"The '{scheme.Key}' security scheme.");
                DocComments.Remarks(writer, new[] { $"The spec's <c>{DocComments.Escape(scheme.Key)}</c> scheme. {where} Never written out by <c>ToString()</c>." });
                if (scheme.Kind == SecuritySchemeKind.Basic)
                {
                    writer.Line($"public {CSharp.Runtime}.BasicCredentials? {property} {{ get => Credentials.GetBasic({key}); set => Credentials.SetBasic({key}, value); }}");
                }
                else if (scheme.Kind == SecuritySchemeKind.ClientCredentials)
                {
                    writer.Line($"public {CSharp.Runtime}.ClientCredentials? {property} {{ get => Credentials.GetClientCredentials({key}); set => Credentials.SetClientCredentials({key}, value); }}");
                }
                else
                {
                    writer.Line($"public string? {property} {{ get => Credentials.GetString({key}); set => Credentials.SetApiKey({key}, value); }}");
                }
            }
        }
    }
}
