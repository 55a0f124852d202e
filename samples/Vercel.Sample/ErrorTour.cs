using Specgen.Runtime;
using Vercel.Emulator;

namespace Vercel.Sample;

/// <summary>
/// Provokes each error the emulator can return, plus one the client refuses itself, and shows how
/// a caller handles it: one typed exception per status family, Vercel's code and message, the
/// request id to quote to support.
/// </summary>
public static class ErrorTour
{
    /// <summary>Runs the tour; returns the exception types seen, in order.</summary>
    public static async Task<IReadOnlyList<string>> RunAsync(VercelEmulator emulator, HttpClient http, TextWriter output, CancellationToken cancellationToken)
    {
        var seen = new List<string>();
        var client = new VercelClient(http, new ApiClientOptions { AccessToken = EmulatorSeed.Token, BaseAddress = emulator.BaseAddress });
        var report = new Report(output);
        report.Step("6. Errors, and how a caller handles them");

        async Task Try(string title, Func<Task> call)
        {
            output.WriteLine($"- {title}");
            try
            {
                await call();
                output.WriteLine("  (no error)");
            }
            catch (RequestValidationException e)
            {
                seen.Add(e.GetType().Name);
                output.WriteLine($"  refused before sending ({e.Violations.Count} problems):");
                foreach (var violation in e.Violations)
                {
                    output.WriteLine($"    {violation}");
                }
            }
            catch (RateLimitedException e)
            {
                seen.Add(e.GetType().Name);
                output.WriteLine($"  {e.GetType().Name}: {e.ErrorMessage} — retry after {e.RetryAfter?.TotalSeconds}s ({e.Remaining}/{e.Limit} left)");
            }
            catch (ApiException e)
            {
                seen.Add(e.GetType().Name);
                output.WriteLine($"  {e.GetType().Name} {e.StatusCode} {e.ErrorCode}: {e.ErrorMessage}");
                output.WriteLine($"    request id {e.RequestId}");
            }
        }

        CreateIntegrationStoreDirectRequest Store(string configuration, string product) => new()
        {
            Name = "tour-db",
            IntegrationConfigurationId = configuration,
            IntegrationProductIdOrSlug = product,
        };

        await Try("a product without a free plan, no plan given (400)", () =>
            client.Integrations.CreateIntegrationStoreDirectAsync(Store(EmulatorSeed.AdminConfigurationId, EmulatorSeed.PaidProductId), cancellationToken: cancellationToken));
        await Try("a configuration the token is not an admin of (403)", () =>
            client.Integrations.CreateIntegrationStoreDirectAsync(Store(EmulatorSeed.MemberConfigurationId, EmulatorSeed.FreeProductId), cancellationToken: cancellationToken));
        await Try("a product that does not exist (404)", () =>
            client.Integrations.CreateIntegrationStoreDirectAsync(Store(EmulatorSeed.AdminConfigurationId, "iap_doesNotExist"), cancellationToken: cancellationToken));

        // A token that is already over its limit, and a client that does not retry: the 429 surfaces.
        var limited = new VercelClient(http, new ApiClientOptions { AccessToken = EmulatorSeed.RateLimitedToken, BaseAddress = emulator.BaseAddress, Retry = RetryOptions.None });
        await Try("too many requests (429; this token allows one per window)", async () =>
        {
            await limited.Integrations.GetConfigurationsAsync(View.Account, cancellationToken: cancellationToken);
            await limited.Integrations.GetConfigurationsAsync(View.Account, cancellationToken: cancellationToken);
        });

        await Try("a request the spec says is invalid (never sent)", () =>
            client.Integrations.CreateIntegrationStoreDirectAsync(Store("cfg_wrong", "Not A Slug") with { Name = new string('x', 130) }, cancellationToken: cancellationToken));
        return seen;
    }
}
