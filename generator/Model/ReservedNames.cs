namespace Specgen.Generator.Model;

/// <summary>
/// The names each kind of generated type has of its own, which no member, case or value made from the spec may
/// take: one list per kind, all from what <c>object</c> gives every type, owned by the model (the modellers
/// claim names against these; the emitters write the members they stand for).
/// </summary>
internal static class ReservedNames
{
    /// <summary>What <c>object</c> gives every type.</summary>
    private static readonly string[] Object = { "Equals", "GetHashCode", "ToString", "GetType", "MemberwiseClone", "Finalize", "ReferenceEquals" };

    /// <summary>A record: what C# gives every record, its validation hook, its nested converter and the field of its members.</summary>
    public static readonly string[] Record = [.. Object, "EqualityContract", "Deconstruct", "PrintMembers", "Validate", "JsonConverter", "_m"];

    /// <summary>A response's headers record, read with <c>From</c>.</summary>
    public static readonly string[] Headers = [.. Object, "EqualityContract", "Deconstruct", "PrintMembers", "From"];

    /// <summary>An extensible enum struct.</summary>
    public static readonly string[] Enum = [.. Object, "Value", "Values", "IsKnown", "KnownValues", "JsonConverter"];

    /// <summary>A union's cases (nested types) and members.</summary>
    public static readonly string[] Union = [.. Object, "Match", "Switch", "Unknown", "Json", "Value", "Validate", "JsonConverter"];

    /// <summary>A result union's cases: one per success status.</summary>
    public static readonly string[] ResultUnion = [.. Object, "Unknown", "StatusCode", "Value"];

    /// <summary>The JSON context: what <c>JsonSerializerContext</c> has.</summary>
    public static readonly string[] JsonContext = [.. Object, "Default", "Options", "GetTypeInfo", "GeneratedSerializerOptions"];

    /// <summary>A client: its own members besides the operations' methods (which end in <c>Async</c>) and its sub-client properties.</summary>
    public static readonly string[] Client = [.. Object, "DefaultBaseAddress", "RequestIdHeaders", "RequestJson"];

    /// <summary>A client's options: what <c>ApiClientOptions</c> has, which a scheme's credential property never takes.</summary>
    public static readonly string[] Options =
    [
        .. Object, "AccessToken", "AccessTokenProvider", "Credentials", "BaseAddress", "JsonOptions", "StrictResponses", "ContextOptions",
        "DefaultParameters", "Retry", "ValidateRequests", "RequestIdHeaders", "TimeProvider", "AllowCredentialsOverHttp",
    ];
}
