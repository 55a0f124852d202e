using System.Globalization;
using System.Net.Http.Headers;
using System.Security.Cryptography;
using System.Text;

namespace Specgen.Runtime.Infrastructure;

/// <summary>
/// HTTP <c>digest</c> (RFC 7616): the user name and password answer the server's challenge, so the password is
/// never sent. The first call goes without credentials; the server's 401 carries a challenge (its
/// <c>WWW-Authenticate: Digest</c> realm, nonce and algorithm), and the call is sent again with the answer.
/// The challenge is kept for the client's later calls, each counted (<c>nc</c>); a stale one is renewed the same way.
/// MD5 and SHA-256, with or without <c>-sess</c>, and <c>qop=auth</c> (or none, RFC 2069) are answered.
/// </summary>
[global::System.ComponentModel.EditorBrowsable(global::System.ComponentModel.EditorBrowsableState.Never)]
public sealed class DigestScheme(string name) : SecurityScheme(name)
{
    /// <inheritdoc/>
    public override string Describe() => "HTTP digest";

    internal override ValueTask AddAsync(CredentialContext context, SentCredentials sent, CancellationToken cancellationToken)
    {
        if (context.Options.Credentials.Get(Name) is not BasicCredentials credentials)
        {
            return default;
        }

        if (context.State.TryGetValue(this, out var state) && state is Challenge challenge)
        {
            sent.Add(this, credentials.Password, new Answer(credentials, challenge, challenge.Next()));
        }

        // No challenge yet, or one the server no longer accepts: its 401 brings a new one.
        sent.OnRefused(headers =>
        {
            var offered = headers.WwwAuthenticate.Where(h => string.Equals(h.Scheme, "Digest", StringComparison.OrdinalIgnoreCase))
                .Select(h => Challenge.Parse(h.Parameter)).OfType<Challenge>().FirstOrDefault();
            if (offered is null)
            {
                return false;
            }

            context.State[this] = offered;
            return true;
        });
        return default;
    }

    internal override void Apply(HttpRequestMessage message, SentCredential credential)
    {
        var answer = (Answer)credential.State!;
        message.Headers.Authorization = new AuthenticationHeaderValue("Digest", Authorization(answer, message.Method.Method, message.RequestUri!.PathAndQuery, RandomNumberGenerator.GetHexString(32, lowercase: true)));
    }

    /// <summary>The <c>Authorization: Digest</c> parameters that answer <paramref name="answer"/>'s challenge for a request.</summary>
    internal static string Authorization(Answer answer, string method, string uri, string clientNonce)
    {
        var challenge = answer.Challenge;
        var (user, password) = (answer.Credentials.UserName, answer.Credentials.Password);
        var count = answer.Count.ToString("x8", CultureInfo.InvariantCulture);
        var secret = Hash(challenge.Algorithm, $"{user}:{challenge.Realm}:{password}");
        if (challenge.Session)
        {
            secret = Hash(challenge.Algorithm, $"{secret}:{challenge.Nonce}:{clientNonce}");
        }

        var request = Hash(challenge.Algorithm, $"{method}:{uri}");
        var response = challenge.Auth
            ? Hash(challenge.Algorithm, $"{secret}:{challenge.Nonce}:{count}:{clientNonce}:auth:{request}")
            : Hash(challenge.Algorithm, $"{secret}:{challenge.Nonce}:{request}");

        var header = new StringBuilder()
            .Append(CultureInfo.InvariantCulture, $"username={Quote(user)}, realm={Quote(challenge.Realm)}, nonce={Quote(challenge.Nonce)}, uri={Quote(uri)}");
        header.Append(CultureInfo.InvariantCulture, $", algorithm={challenge.AlgorithmName}");
        if (challenge.Auth)
        {
            header.Append(CultureInfo.InvariantCulture, $", qop=auth, nc={count}, cnonce={Quote(clientNonce)}");
        }

        header.Append(CultureInfo.InvariantCulture, $", response={Quote(response)}");
        if (challenge.Opaque is { } opaque)
        {
            header.Append(CultureInfo.InvariantCulture, $", opaque={Quote(opaque)}");
        }

        return header.ToString();
    }

    private static string Hash(string algorithm, string text)
    {
        var bytes = Encoding.UTF8.GetBytes(text);
        return Convert.ToHexString(algorithm == "SHA-256" ? SHA256.HashData(bytes) : MD5.HashData(bytes)).ToLowerInvariant();
    }

    private static string Quote(string value) => "\"" + value.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("\"", "\\\"", StringComparison.Ordinal) + "\"";

    /// <summary>A challenge answered: the credentials, the challenge and this use's count.</summary>
    internal sealed record Answer(BasicCredentials Credentials, Challenge Challenge, long Count);

    /// <summary>A server's digest challenge, and how many requests have answered it.</summary>
    internal sealed class Challenge(string realm, string nonce, string? opaque, string algorithmName, bool auth)
    {
        private long _count;

        public string Realm { get; } = realm;

        public string Nonce { get; } = nonce;

        public string? Opaque { get; } = opaque;

        /// <summary>The algorithm as the server named it (MD5, SHA-256, MD5-sess, SHA-256-sess).</summary>
        public string AlgorithmName { get; } = algorithmName;

        /// <summary>The hash: MD5 or SHA-256.</summary>
        public string Algorithm => AlgorithmName.StartsWith("SHA-256", StringComparison.OrdinalIgnoreCase) ? "SHA-256" : "MD5";

        public bool Session => AlgorithmName.EndsWith("-sess", StringComparison.OrdinalIgnoreCase);

        /// <summary>Whether the server asked for <c>qop=auth</c> (else the RFC 2069 answer).</summary>
        public bool Auth { get; } = auth;

        /// <summary>The next request's count (<c>nc</c>).</summary>
        public long Next() => Interlocked.Increment(ref _count);

        /// <summary>The challenge in a <c>WWW-Authenticate: Digest</c> header's parameters; null when it is not one this scheme answers.</summary>
        public static Challenge? Parse(string? parameters)
        {
            var values = Parameters(parameters ?? string.Empty);
            if (!values.TryGetValue("realm", out var realm) || !values.TryGetValue("nonce", out var nonce))
            {
                return null;
            }

            var algorithm = values.TryGetValue("algorithm", out var named) ? named : "MD5";
            if (algorithm.ToUpperInvariant() is not ("MD5" or "MD5-SESS" or "SHA-256" or "SHA-256-SESS"))
            {
                return null;
            }

            var qop = values.TryGetValue("qop", out var offered) ? offered.Split(',').Select(q => q.Trim()).ToList() : null;
            if (qop is not null && !qop.Contains("auth", StringComparer.OrdinalIgnoreCase))
            {
                return null;
            }

            return new Challenge(realm, nonce, values.TryGetValue("opaque", out var opaque) ? opaque : null, algorithm, qop is not null);
        }

        /// <summary><c>name=value, name="quoted, \"value\""</c> pairs.</summary>
        private static Dictionary<string, string> Parameters(string text)
        {
            var values = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
            var i = 0;
            while (i < text.Length)
            {
                while (i < text.Length && (text[i] == ',' || char.IsWhiteSpace(text[i])))
                {
                    i++;
                }

                var equals = text.IndexOf('=', i);
                if (equals < 0)
                {
                    break;
                }

                var name = text[i..equals].Trim();
                i = equals + 1;
                var value = new StringBuilder();
                if (i < text.Length && text[i] == '"')
                {
                    for (i++; i < text.Length && text[i] != '"'; i++)
                    {
                        value.Append(text[i] == '\\' && i + 1 < text.Length ? text[++i] : text[i]);
                    }

                    i++;
                }
                else
                {
                    for (; i < text.Length && text[i] != ','; i++)
                    {
                        value.Append(text[i]);
                    }
                }

                values[name] = value.ToString().Trim();
            }

            return values;
        }
    }
}
