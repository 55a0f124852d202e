namespace Specgen.Runtime.Infrastructure;

/// <summary>
/// The credentials policy: which of an operation's accepted requirements an attempt satisfies, each of its
/// schemes adding its own credential (a new kind of scheme is a class of its own, not a case here).
/// </summary>
internal sealed class CredentialPolicy(CredentialContext context)
{
    /// <summary>
    /// The credentials this attempt sends: for an operation the spec secures, those of the first of its
    /// accepted requirements the options have every credential for; nothing for <c>security: []</c>, or
    /// for an optional one (<c>{}</c>) the options have no credentials for; for a spec that declares no
    /// security, the bearer token when one is set.
    /// </summary>
    /// <exception cref="MissingCredentialsException">The options have none of the accepted requirements.</exception>
    public async ValueTask<SentCredentials> ChooseAsync(ApiRequest request, CancellationToken cancellationToken)
    {
        var sent = new SentCredentials();
        if (request.Security is not { } accepted)
        {
            if (await context.AccessTokenAsync(cancellationToken).ConfigureAwait(false) is { Length: > 0 } token)
            {
                sent.Add(Unnamed, token);
            }

            return sent;
        }

        // An optional operation ({}) still gets credentials the options have for it.
        foreach (var requirement in accepted)
        {
            if (requirement.Schemes.Count == 0 || !requirement.Schemes.All(s => s.IsConfigured(context.Options)))
            {
                continue;
            }

            foreach (var scheme in requirement.Schemes)
            {
                await scheme.AddAsync(context, sent, cancellationToken).ConfigureAwait(false);
            }

            return sent;
        }

        return accepted.Count == 0 || accepted.Any(r => r.Schemes.Count == 0)
            ? sent
            : throw new MissingCredentialsException(request.Method, request.PathTemplate, accepted);
    }

    private static readonly BearerScheme Unnamed = new("bearer");
}
