namespace Specgen.Runtime;

/// <summary>
/// A member the spec marks required was read from JSON that did not have it, or had <c>null</c> where
/// the spec allows none, or the JSON's value is not valid in the member's type or format. The rest of the value was read and can be used; only this member cannot.
/// </summary>
/// <remarks>
/// Servers drift from their specs, so generated types read such JSON instead of failing the whole call,
/// and keep it as it was for a round trip. Set <see cref="ApiClientOptions.StrictResponses"/> to refuse
/// such responses instead.
/// </remarks>
public sealed class MemberUnavailableException : InvalidOperationException
{
    /// <summary>Creates the exception.</summary>
    public MemberUnavailableException(string typeName, string memberName, string jsonName, bool wasNull)
        : base(wasNull
            ? $"{typeName}.{memberName} has no value: the JSON had null for '{jsonName}', which the spec does not allow."
            : $"{typeName}.{memberName} has no value: the JSON did not have '{jsonName}', which the spec marks required.")
    {
        TypeName = typeName;
        MemberName = memberName;
        JsonName = jsonName;
        WasNull = wasNull;
    }

    /// <summary>Creates the exception for a value that is not valid in its type or format; it is kept as it was sent.</summary>
    public MemberUnavailableException(string typeName, string memberName, string jsonName, string format, System.Text.Json.JsonElement rawValue)
        : base($"{typeName}.{memberName} has no value: the JSON's '{jsonName}' is not a valid {format}. It is kept as sent (RawValue) and written back unchanged.")
    {
        TypeName = typeName;
        MemberName = memberName;
        JsonName = jsonName;
        Format = format;
        RawValue = rawValue;
    }

    /// <summary>For a value that is not valid in its type or format, the spec's type or format (<c>date-time</c>, <c>int32</c>); otherwise null.</summary>
    public string? Format { get; }

    /// <summary>For a value that is not valid in its type or format, the JSON as it was sent; otherwise null.</summary>
    public System.Text.Json.JsonElement? RawValue { get; }

    /// <summary>The generated type.</summary>
    public string TypeName { get; }

    /// <summary>The C# member.</summary>
    public string MemberName { get; }

    /// <summary>The member's name in JSON.</summary>
    public string JsonName { get; }

    /// <summary>True when the JSON had <c>null</c>; false when it did not have the member at all.</summary>
    public bool WasNull { get; }
}
