namespace Specgen.Generator;

/// <summary>Names of the pipeline steps, so tests can ask what ran and what was cached.</summary>
internal static class TrackingNames
{
    public const string SpecFile = nameof(SpecFile);
    public const string SpecNames = nameof(SpecNames);
    public const string SpecInput = nameof(SpecInput);
    public const string Model = nameof(Model);
    public const string Diagnostics = nameof(Diagnostics);
    public const string SpecModel = nameof(SpecModel);
    public const string HttpClientFactoryVersion = nameof(HttpClientFactoryVersion);
}
