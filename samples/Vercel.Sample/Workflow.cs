using Specgen.Runtime;

namespace Vercel.Sample;

/// <summary>The created stores, for callers (and tests) that want more than the printout.</summary>
public sealed record WorkflowResult(IReadOnlyList<Store> Stores);

/// <summary>
/// Seed 003's workflow, after listing the caller's teams page by page: list configurations → products → billing plans → create a free store →
/// create a paid store with a billing plan id.
/// </summary>
public static class Workflow
{
    /// <summary>Runs the workflow and prints each step to <paramref name="output"/>.</summary>
    /// <param name="client">The generated client.</param>
    /// <param name="output">Where the tables go.</param>
    /// <param name="teamId">The team to act for, if any.</param>
    /// <param name="createStores">Whether to create stores (discovery only when false).</param>
    /// <param name="cancellationToken">Cancels the workflow.</param>
    public static async Task<WorkflowResult> RunAsync(VercelClient client, TextWriter output, string? teamId, bool createStores, CancellationToken cancellationToken)
    {
        var report = new Report(output);

        report.Step("0. Your teams, read a page at a time");
        var teams = new List<string[]>();
        await foreach (var team in client.Teams.GetAllTeamsAsync(limit: 2).WithCancellation(cancellationToken))
        {
            teams.Add(team switch
            {
                GetTeamsResponseTeam.Team full => [full.Value.Slug, full.Value.Name ?? "", full.Value.Membership.Role.Value],
                GetTeamsResponseTeam.TeamLimited limited => [limited.Value.Slug, limited.Value.Name ?? "", "(limited access)"],
                _ => ["?", "?", "?"],
            });
        }

        report.Table(["slug", "name", "role"], teams);

        report.Step("1. Integration configurations");
        var configurations = await client.Integrations.GetConfigurationsAsync(View.Account, teamId: teamId, cancellationToken: cancellationToken);
        var configurationRows = configurations.Match(
            configurationsWithIntegration: list => list.Select(c => new[] { c.Id, c.Slug, c.IntegrationId }).ToList(),
            configurations: list => list.Select(c => new[] { c.Id ?? "", c.Slug ?? "", c.IntegrationId ?? "" }).ToList(),
            unknown: _ => []);
        report.Table(["id", "slug", "integration"], configurationRows);
        if (configurationRows.Count == 0)
        {
            output.WriteLine("No integration configurations: install an integration first.");
            return new WorkflowResult([]);
        }

        // The first configuration whose products can be listed (a member-only one may be refused).
        foreach (var row in configurationRows)
        {
            var (configurationId, integrationId) = (row[0], row[2]);
            report.Step($"2. Products of {configurationId}");
            GetConfigurationProductsResponse products;
            try
            {
                products = await client.Integrations.GetConfigurationProductsAsync(configurationId, teamId: teamId, cancellationToken: cancellationToken);
            }
            catch (ApiException e)
            {
                output.WriteLine($"Skipped: {e.Message}");
                continue;
            }

            report.Table(["id", "slug", "name"], products.Products.Select(p => new[] { p.Id, p.Slug, p.Name }).ToList());

            report.Step("3. Billing plans");
            var plans = new List<(Product Product, Plan Plan)>();
            foreach (var product in products.Products)
            {
                var response = await client.Integrations.GetBillingPlansAsync(integrationId, product.Slug, teamId: teamId, cancellationToken: cancellationToken);
                plans.AddRange(response.Plans.Select(plan => (product, plan)));
            }

            report.Table(["product", "plan id", "name", "type", "cost", "payment method"],
                plans.Select(p => new[] { p.Product.Slug, p.Plan.Id, p.Plan.Name, p.Plan.Type.Value, p.Plan.Cost ?? "", p.Plan.PaymentMethodRequired ? "required" : "-" }).ToList());

            if (!createStores)
            {
                return new WorkflowResult([]);
            }

            var stores = new List<Store>();
            if (plans.FirstOrDefault(p => IsFree(p.Plan)) is { Product: not null } free)
            {
                report.Step($"4. Create a free store ({free.Product.Slug}; the free plan is discovered by the API)");
                stores.Add(await CreateAsync(client, report, configurationId, free.Product, null, teamId, cancellationToken));
            }

            if (plans.FirstOrDefault(p => !IsFree(p.Plan) && !p.Plan.PaymentMethodRequired && p.Plan.Type == PlanType.Subscription) is { Product: not null } paid)
            {
                report.Step($"5. Create a paid store ({paid.Product.Slug}, plan {paid.Plan.Id})");
                stores.Add(await CreateAsync(client, report, configurationId, paid.Product, paid.Plan, teamId, cancellationToken));
            }

            return new WorkflowResult(stores);
        }

        return new WorkflowResult([]);
    }

    private static bool IsFree(Plan plan) =>
        string.Equals(plan.Cost, "Free", StringComparison.OrdinalIgnoreCase) || plan.Cost is "$0" or "$0.00";

    private static async Task<Store> CreateAsync(VercelClient client, Report report, string configurationId, Product product, Plan? plan, string? teamId, CancellationToken cancellationToken)
    {
        var created = await client.Integrations.CreateIntegrationStoreDirectAsync(
            new CreateIntegrationStoreDirectRequest
            {
                Name = $"sample-{product.Slug}-{DateTime.UtcNow:HHmmss}",
                IntegrationConfigurationId = configurationId,
                IntegrationProductIdOrSlug = product.Id,
                BillingPlanId = plan?.Id,
                Metadata = new Dictionary<string, MetadataValue>
                {
                    ["environment"] = "development",
                    ["tags"] = new[] { "sample", "specgen" },
                },
                Source = "api",
            },
            teamId: teamId,
            cancellationToken: cancellationToken);

        var store = created.Store ?? throw new InvalidOperationException("The API created no store.");
        report.StoreSummary(store);
        return store;
    }
}
