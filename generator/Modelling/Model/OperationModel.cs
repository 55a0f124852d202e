using Specgen.Generator.Common;

namespace Specgen.Generator.Modelling.Model;

/// <summary>One HTTP operation: a client method.</summary>
/// <param name="Group">The operation's first tag as an identifier, for grouping methods; null when it has none.</param>
internal sealed record OperationModel(
    string MethodName,
    string? Group,
    string HttpMethod,
    string Path,
    string? Summary,
    string? Description,
    bool IsDeprecated,
    EquatableArray<ParameterModel> Parameters,
    BodyModel? Body,
    TypeRef? ResponseType,
    EquatableArray<ResponseModel> Responses);

internal enum ParameterLocation
{
    Path,
    Query,
    Header,
}

/// <param name="Delimiter">
/// For an array query parameter: what joins its values (<c>,</c>, a space or <c>|</c>), or null to send
/// it once per value. Path and header arrays are always comma-joined by the runtime.
/// </param>
internal sealed record ParameterModel(
    string Name,
    string WireName,
    ParameterLocation Location,
    TypeRef Type,
    bool IsRequired,
    string? Description,
    string? Delimiter = null);

internal sealed record BodyModel(string Name, TypeRef Type, bool IsRequired, string ContentType, string? Description);

/// <summary>A documented response status, for the method's docs.</summary>
internal sealed record ResponseModel(string Status, string? Description);
