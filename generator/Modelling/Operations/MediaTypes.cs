namespace Specgen.Generator.Modelling;

/// <summary>The one rule for which media types are JSON, for bodies, responses and parameters alike.</summary>
internal static class MediaTypes
{
    /// <summary><c>application/json</c> (with parameters), or an <c>application/…+json</c> structured syntax.</summary>
    public static bool IsJson(string mediaType) =>
        mediaType.StartsWith("application/json", System.StringComparison.OrdinalIgnoreCase)
        || (mediaType.StartsWith("application/", System.StringComparison.OrdinalIgnoreCase) && mediaType.IndexOf("+json", System.StringComparison.OrdinalIgnoreCase) >= 0);

    /// <summary>JSON, or <c>*/*</c>: a body or response that may be anything is read and written as JSON when it has a schema.</summary>
    public static bool IsJsonOrAny(string mediaType) => IsJson(mediaType) || mediaType == "*/*";
}
