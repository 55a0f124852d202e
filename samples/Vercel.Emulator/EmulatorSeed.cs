namespace Vercel.Emulator;

/// <summary>
/// The ids, slugs and tokens of the emulator's seeded data, so the sample and the tests can use them.
/// One integration ("Acme Data") with three products is installed twice in one team: once for an admin
/// (stores can be created) and once for a member (creating a store answers 403).
/// </summary>
public static class EmulatorSeed
{
    /// <summary>A valid bearer token, rate limited by the emulator's <c>RateLimit</c> option.</summary>
    public const string Token = "emulator_admin_token";

    /// <summary>A valid bearer token whose rate limit is 1 request per window, whatever the options say.</summary>
    public const string RateLimitedToken = "emulator_rate_limited_token";

    /// <summary>The team that owns both configurations.</summary>
    public const string TeamId = "team_1a2b3c4d5e6f7g8h9i0j1k2l";

    /// <summary>The team's slug.</summary>
    public const string TeamSlug = "my-team-url-slug";

    /// <summary>The integration both configurations were created for.</summary>
    public const string IntegrationId = "oac_AcmeData0Emulator00001";

    /// <summary>The integration's slug (getBillingPlans accepts the id or the slug).</summary>
    public const string IntegrationSlug = "acme-data";

    /// <summary>A configuration whose caller is an admin: stores can be created with it.</summary>
    public const string AdminConfigurationId = "icfg_cuwj0AdCdH3BwWT4LPijCC7t";

    /// <summary>A configuration whose caller is not an admin: creating a store answers 403.</summary>
    public const string MemberConfigurationId = "icfg_member0NotAdmin1234";

    /// <summary>Product with a free plan (and a paid one): Postgres. Its id, as in the spec's example.</summary>
    public const string FreeProductId = "iap_postgres_db";

    /// <summary>Slug of <see cref="FreeProductId"/>.</summary>
    public const string FreeProductSlug = "acme-postgres";

    /// <summary>The free plan of the Postgres product, found when billingPlanId is omitted.</summary>
    public const string FreePlanId = "bp_postgres_hobby";

    /// <summary>The paid plan of the Postgres product (payment method required); the spec example's plan id.</summary>
    public const string FreeProductPaidPlanId = "bp_abc123def456";

    /// <summary>Product with only paid plans: Redis. Omitting billingPlanId answers 400 no_free_plan.</summary>
    public const string PaidProductId = "iap_redis_cache";

    /// <summary>Slug of <see cref="PaidProductId"/>.</summary>
    public const string PaidProductSlug = "acme-redis";

    /// <summary>Paid plan of the Redis product that needs no payment method id (billed to the team's default).</summary>
    public const string PaidPlanId = "bp_redis_starter";

    /// <summary>Paid plan of the Redis product that requires paymentMethodId.</summary>
    public const string PaymentMethodRequiredPlanId = "bp_redis_pro";

    /// <summary>Product with only prepayment plans: a vector index.</summary>
    public const string PrepaymentProductId = "iap_vector_index";

    /// <summary>Slug of <see cref="PrepaymentProductId"/>.</summary>
    public const string PrepaymentProductSlug = "acme-vector";

    /// <summary>Prepayment plan with a variable amount: prepaymentAmountCents is required, 500 to 100000.</summary>
    public const string PrepaymentPlanId = "bp_vector_credits";

    /// <summary>Smallest prepaymentAmountCents <see cref="PrepaymentPlanId"/> accepts (minimumAmount "5.00").</summary>
    public const int PrepaymentMinimumCents = 500;

    /// <summary>Largest prepaymentAmountCents <see cref="PrepaymentPlanId"/> accepts (maximumAmount "1000.00").</summary>
    public const int PrepaymentMaximumCents = 100_000;

    /// <summary>Prepayment plan with a fixed amount ($25.00): prepaymentAmountCents is not needed.</summary>
    public const string FixedPrepaymentPlanId = "bp_vector_credits_25";

    /// <summary>A payment method id accepted by the emulator (any non-empty string is).</summary>
    public const string PaymentMethodId = "pm_1AbcDefGhiJklMno";
}
