using System.Linq;
using Microsoft.CodeAnalysis;
using Specgen.Generator.Common;

namespace Specgen.Generator.Diagnostics;

/// <summary>A diagnostic as equatable data: the descriptor's id, where, and the message arguments.</summary>
internal sealed record DiagnosticInfo(string Id, LocationInfo? Location, EquatableArray<string> Arguments)
{
    /// <summary>A diagnostic; spec text in the arguments has its invisible characters shown as escapes, so a message cannot hide anything.</summary>
    public static DiagnosticInfo Create(DiagnosticDescriptor descriptor, LocationInfo? location, params string[] arguments) =>
        new(descriptor.Id, location, arguments.Select(StringLiteral.Visible).ToEquatableArray());

    /// <summary>SPECGEN000 at the start of the spec, naming the exception.</summary>
    public static DiagnosticInfo InternalError(string filePath, System.Exception exception) =>
        Create(Descriptors.InternalError, LocationInfo.StartOf(filePath), filePath, exception.GetType().Name, exception.Message.TrimEnd('.'));

    public Diagnostic ToDiagnostic() =>
        Diagnostic.Create(Descriptors.ById(Id), Location?.ToLocation() ?? Microsoft.CodeAnalysis.Location.None, Arguments.Cast<object>().ToArray());
}
