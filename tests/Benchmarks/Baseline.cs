using System.Text.Json;
using System.Text.Json.Serialization;

// The practical limit: the same 200 response modelled by hand the way a careful developer would for
// System.Text.Json's source generator. Controls are one flat class with every member any variant has
// (System.Text.Json's polymorphism takes a single discriminator, and the controls are told apart by
// ui:control and type together); values of several shapes are JsonElement.
namespace Specgen.Benchmarks.Baseline;

public sealed class Response
{
    [JsonPropertyName("store")] public Store? Store { get; set; }
}

public sealed class Store
{
    [JsonPropertyName("id")] public string? Id { get; set; }
    [JsonPropertyName("name")] public string? Name { get; set; }
    [JsonPropertyName("createdAt")] public long CreatedAt { get; set; }
    [JsonPropertyName("projectsMetadata")] public List<ProjectMetadata>? ProjectsMetadata { get; set; }
    [JsonPropertyName("totalConnectedProjects")] public int? TotalConnectedProjects { get; set; }
    [JsonPropertyName("usageQuotaExceeded")] public bool UsageQuotaExceeded { get; set; }
    [JsonPropertyName("status")] public string? Status { get; set; }
    [JsonPropertyName("ownership")] public string? Ownership { get; set; }
    [JsonPropertyName("capabilities")] public Capabilities? Capabilities { get; set; }
    [JsonPropertyName("metadata")] public Dictionary<string, JsonElement>? Metadata { get; set; }
    [JsonPropertyName("externalResourceId")] public string? ExternalResourceId { get; set; }
    [JsonPropertyName("externalResourceStatus")] public string? ExternalResourceStatus { get; set; }
    [JsonPropertyName("product")] public Product? Product { get; set; }
    [JsonPropertyName("secrets")] public List<Secret>? Secrets { get; set; }
    [JsonPropertyName("billingPlan")] public BillingPlan? BillingPlan { get; set; }
    [JsonPropertyName("notification")] public Notification? Notification { get; set; }
}

public sealed class ProjectMetadata
{
    [JsonPropertyName("id")] public string? Id { get; set; }
    [JsonPropertyName("projectId")] public string? ProjectId { get; set; }
    [JsonPropertyName("name")] public string? Name { get; set; }
    [JsonPropertyName("environments")] public List<string>? Environments { get; set; }
}

public sealed class Capabilities
{
    [JsonPropertyName("mcp")] public bool? Mcp { get; set; }
    [JsonPropertyName("sso")] public bool? Sso { get; set; }
    [JsonPropertyName("billable")] public bool? Billable { get; set; }
    [JsonPropertyName("transferable")] public bool? Transferable { get; set; }
    [JsonPropertyName("secretsSync")] public bool? SecretsSync { get; set; }
    [JsonPropertyName("sandbox")] public bool? Sandbox { get; set; }
    [JsonPropertyName("linking")] public bool? Linking { get; set; }
    [JsonPropertyName("projects")] public bool? Projects { get; set; }
}

public sealed class Product
{
    [JsonPropertyName("id")] public string? Id { get; set; }
    [JsonPropertyName("name")] public string? Name { get; set; }
    [JsonPropertyName("slug")] public string? Slug { get; set; }
    [JsonPropertyName("iconUrl")] public string? IconUrl { get; set; }
    [JsonPropertyName("capabilities")] public Capabilities? Capabilities { get; set; }
    [JsonPropertyName("shortDescription")] public string? ShortDescription { get; set; }
    [JsonPropertyName("metadataSchema")] public MetadataSchema? MetadataSchema { get; set; }
    [JsonPropertyName("resourceLinks")] public List<ResourceLink>? ResourceLinks { get; set; }
    [JsonPropertyName("tags")] public List<string>? Tags { get; set; }
    [JsonPropertyName("projectConnectionScopes")] public List<string>? ProjectConnectionScopes { get; set; }
    [JsonPropertyName("showSSOLinkOnProjectConnection")] public bool? ShowSsoLinkOnProjectConnection { get; set; }
    [JsonPropertyName("disableResourceRenaming")] public bool? DisableResourceRenaming { get; set; }
    [JsonPropertyName("value")] public JsonElement? Value { get; set; }
}

public sealed class MetadataSchema
{
    [JsonPropertyName("type")] public string? Type { get; set; }
    [JsonPropertyName("properties")] public Dictionary<string, Control>? Properties { get; set; }
    [JsonPropertyName("required")] public List<string>? Required { get; set; }
}

public sealed class Control
{
    [JsonPropertyName("type")] public string? Type { get; set; }
    [JsonPropertyName("ui:control")] public string? UiControl { get; set; }
    [JsonPropertyName("ui:label")] public string? UiLabel { get; set; }
    [JsonPropertyName("description")] public string? Description { get; set; }
    [JsonPropertyName("ui:placeholder")] public string? UiPlaceholder { get; set; }
    [JsonPropertyName("ui:read-only")] public JsonElement? UiReadOnly { get; set; }
    [JsonPropertyName("ui:disabled")] public JsonElement? UiDisabled { get; set; }
    [JsonPropertyName("ui:hidden")] public JsonElement? UiHidden { get; set; }
    [JsonPropertyName("ui:description")] public JsonElement? UiDescription { get; set; }
    [JsonPropertyName("ui:formatted-value")] public JsonElement? UiFormattedValue { get; set; }
    [JsonPropertyName("default")] public JsonElement? Default { get; set; }
    [JsonPropertyName("example")] public JsonElement? Example { get; set; }
    [JsonPropertyName("minimum")] public double? Minimum { get; set; }
    [JsonPropertyName("maximum")] public double? Maximum { get; set; }
    [JsonPropertyName("exclusiveMinimum")] public double? ExclusiveMinimum { get; set; }
    [JsonPropertyName("exclusiveMaximum")] public double? ExclusiveMaximum { get; set; }
    [JsonPropertyName("minItems")] public int? MinItems { get; set; }
    [JsonPropertyName("maxItems")] public int? MaxItems { get; set; }
    [JsonPropertyName("items")] public JsonElement? Items { get; set; }
    [JsonPropertyName("ui:options")] public List<Option>? UiOptions { get; set; }
    [JsonPropertyName("ui:steps")] public List<double>? UiSteps { get; set; }
    [JsonPropertyName("value")] public JsonElement? Value { get; set; }
    [JsonPropertyName("disabled")] public JsonElement? Disabled { get; set; }
    [JsonPropertyName("hidden")] public JsonElement? Hidden { get; set; }
}

public sealed class Option
{
    [JsonPropertyName("value")] public string? Value { get; set; }
    [JsonPropertyName("label")] public string? Label { get; set; }
    [JsonPropertyName("hidden")] public JsonElement? Hidden { get; set; }
    [JsonPropertyName("disabled")] public JsonElement? Disabled { get; set; }
}

public sealed class ResourceLink
{
    [JsonPropertyName("href")] public string? Href { get; set; }
    [JsonPropertyName("title")] public string? Title { get; set; }
}

public sealed class Secret
{
    [JsonPropertyName("name")] public string? Name { get; set; }
    [JsonPropertyName("length")] public int Length { get; set; }
}

public sealed class BillingPlan
{
    [JsonPropertyName("type")] public string? Type { get; set; }
    [JsonPropertyName("description")] public string? Description { get; set; }
    [JsonPropertyName("id")] public string? Id { get; set; }
    [JsonPropertyName("name")] public string? Name { get; set; }
    [JsonPropertyName("scope")] public string? Scope { get; set; }
    [JsonPropertyName("paymentMethodRequired")] public bool PaymentMethodRequired { get; set; }
    [JsonPropertyName("cost")] public string? Cost { get; set; }
    [JsonPropertyName("details")] public List<Detail>? Details { get; set; }
    [JsonPropertyName("highlightedDetails")] public List<Detail>? HighlightedDetails { get; set; }
    [JsonPropertyName("effectiveDate")] public string? EffectiveDate { get; set; }
    [JsonPropertyName("disabled")] public bool? Disabled { get; set; }
    [JsonPropertyName("minimumAmount")] public string? MinimumAmount { get; set; }
    [JsonPropertyName("maximumAmount")] public string? MaximumAmount { get; set; }
    [JsonPropertyName("maximumAmountAutoPurchasePerPeriod")] public string? MaximumAmountAutoPurchasePerPeriod { get; set; }
}

public sealed class Detail
{
    [JsonPropertyName("label")] public string? Label { get; set; }
    [JsonPropertyName("value")] public string? Value { get; set; }
}

public sealed class Notification
{
    [JsonPropertyName("title")] public string? Title { get; set; }
    [JsonPropertyName("level")] public string? Level { get; set; }
    [JsonPropertyName("message")] public string? Message { get; set; }
    [JsonPropertyName("href")] public string? Href { get; set; }
}

[JsonSourceGenerationOptions(DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(Response))]
public sealed partial class BaselineJson : JsonSerializerContext
{
}
