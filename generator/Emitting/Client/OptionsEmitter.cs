using System.Linq;
using Specgen.Generator.Common;
using Specgen.Generator.Model;

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
                if (scheme.Credential is not { } credential)
                {
                    continue;
                }

                if (!first)
                {
                    writer.Line();
                }

                first = false;
                var key = CSharp.Literal(scheme.Key);
                var where = string.Format(System.Globalization.CultureInfo.InvariantCulture, credential.Sentence, credential.Values.Select(v => (object)DocComments.Escape(v)).ToArray());
                DocComments.Summary(writer, scheme.Description);
                DocComments.Remarks(writer, new[] { $"The spec's <c>{DocComments.Escape(scheme.Key)}</c> scheme. {where} Never written out by <c>ToString()</c>." });
                writer.Line($"public {credential.Type}? {credential.Property} {{ get => Credentials.Get<{credential.Type}>({key}); set => Credentials.Set({key}, value); }}");
            }
        }
    }
}
