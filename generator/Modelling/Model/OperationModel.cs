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

internal sealed record ParameterModel(
    string Name,
    string WireName,
    ParameterLocation Location,
    TypeRef Type,
    bool IsRequired,
    string? Description);

internal sealed record BodyModel(string Name, TypeRef Type, bool IsRequired, string ContentType, string? Description);

/// <summary>A documented response status, for the method's docs.</summary>
internal sealed record ResponseModel(string Status, string? Description);
