using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace Vercel.Emulator;

/// <summary>A createIntegrationStoreDirect body that passed the spec's request constraints.</summary>
internal sealed record StoreRequest(
    string Name, string ConfigurationId, string ProductIdOrSlug, JsonObject? Metadata, string? ExternalId,
    string? BillingPlanId, string? PaymentMethodId, double? PrepaymentAmountCents);

/// <summary>
/// Checks a createIntegrationStoreDirect body against the spec's request schema. Each failure names the
/// field. Unknown fields are ignored; an optional field sent as JSON null counts as absent.
/// </summary>
internal static partial class StoreRequestValidator
{
    public const int NameMaxLength = 128;
    public const double MinimumPrepaymentCents = 50;

    // \z rather than $: in .NET, $ also matches before a trailing newline.
    [GeneratedRegex(@"^icfg_[a-zA-Z0-9]+\z")]
    private static partial Regex ConfigurationIdPattern();

    [GeneratedRegex(@"^iap_[a-zA-Z0-9_]+\z")]
    private static partial Regex ProductIdPattern();

    [GeneratedRegex(@"^[a-z0-9-]+\z")]
    private static partial Regex ProductSlugPattern();

    /// <summary>Returns the request, or null and the message of a 400 bad_request.</summary>
    public static StoreRequest? Validate(string body, out string error)
    {
        error = "";
        JsonObject json;
        try
        {
            if (JsonNode.Parse(body) is not JsonObject parsed)
            {
                return Fail("The request body must be a JSON object", out error);
            }

            _ = parsed.Count; // materializes the properties (throws on duplicate names)
            json = parsed;
        }
        catch (Exception e) when (e is JsonException or ArgumentException or InvalidOperationException)
        {
            return Fail("The request body must be a valid JSON object", out error);
        }

        if (RequiredString(json, "name", out var name) is { } nameError)
        {
            return Fail(nameError, out error);
        }

        if (name.Trim().Length == 0)
        {
            return Fail("name must not be empty", out error);
        }

        if (name.EnumerateRunes().Count() > NameMaxLength)
        {
            return Fail($"name must be at most {NameMaxLength} characters long", out error);
        }

        if (RequiredString(json, "integrationConfigurationId", out var configurationId) is { } configurationError)
        {
            return Fail(configurationError, out error);
        }

        if (!ConfigurationIdPattern().IsMatch(configurationId))
        {
            return Fail("integrationConfigurationId must match ^icfg_[a-zA-Z0-9]+$", out error);
        }

        if (RequiredString(json, "integrationProductIdOrSlug", out var product) is { } productError)
        {
            return Fail(productError, out error);
        }

        if (!ProductIdPattern().IsMatch(product) && !ProductSlugPattern().IsMatch(product))
        {
            return Fail("integrationProductIdOrSlug must be a product id (^iap_[a-zA-Z0-9_]+$) or a slug (^[a-z0-9-]+$)", out error);
        }

        var metadata = Present(json, "metadata");
        if (metadata is not null && metadata is not JsonObject)
        {
            return Fail("metadata must be an object", out error);
        }

        if (metadata is JsonObject entries && entries.FirstOrDefault(e => !IsMetadataValue(e.Value)) is { Key: { } badKey })
        {
            return Fail($"metadata.{badKey} must be a string, a number, a boolean, an array of strings or an array of numbers", out error);
        }

        foreach (var field in new[] { "externalId", "source", "billingPlanId", "paymentMethodId" })
        {
            if (Present(json, field) is { } value && value.GetValueKind() != JsonValueKind.String)
            {
                return Fail($"{field} must be a string", out error);
            }
        }
        if (Present(json, "protocolSettings") is { } settings && settings is not JsonObject)
        {
            return Fail("protocolSettings must be an object", out error);
        }

        double? amount = null;
        if (Present(json, "prepaymentAmountCents") is { } amountNode)
        {
            if (amountNode.GetValueKind() != JsonValueKind.Number || !amountNode.AsValue().TryGetValue(out double cents)
                || double.IsInfinity(cents))
            {
                return Fail("prepaymentAmountCents must be a number", out error);
            }

            if (cents < MinimumPrepaymentCents)
            {
                return Fail($"prepaymentAmountCents must be at least {MinimumPrepaymentCents}", out error);
            }

            amount = cents;
        }

        return new StoreRequest(name, configurationId, product, metadata as JsonObject,
            OptionalString(json, "externalId"), OptionalString(json, "billingPlanId"),
            OptionalString(json, "paymentMethodId"), amount);
    }

    private static StoreRequest? Fail(string message, out string error)
    {
        error = message;
        return null;
    }

    /// <summary>The property's value, or null when it is missing or JSON null.</summary>
    private static JsonNode? Present(JsonObject json, string name) =>
        json.TryGetPropertyValue(name, out var value) ? value : null;

    private static string? OptionalString(JsonObject json, string name) =>
        Present(json, name) is { } value && value.GetValue<string>() is { Length: > 0 } text ? text : null;

    /// <summary>Null when the property is a string (then in <paramref name="value"/>), else the error message.</summary>
    private static string? RequiredString(JsonObject json, string name, out string value)
    {
        value = "";
        var node = Present(json, name);
        if (node is null)
        {
            return $"{name} is required";
        }

        if (node.GetValueKind() != JsonValueKind.String)
        {
            return $"{name} must be a string";
        }

        value = node.GetValue<string>();
        return null;
    }

    /// <summary>string | number | boolean | string[] | number[], as the spec's metadata values.</summary>
    private static bool IsMetadataValue(JsonNode? value) => value?.GetValueKind() switch
    {
        JsonValueKind.String or JsonValueKind.Number or JsonValueKind.True or JsonValueKind.False => true,
        JsonValueKind.Array => AllOfKind(value.AsArray(), JsonValueKind.String) || AllOfKind(value.AsArray(), JsonValueKind.Number),
        _ => false,
    };

    private static bool AllOfKind(JsonArray array, JsonValueKind kind) =>
        array.All(item => item is not null && item.GetValueKind() == kind);
}
