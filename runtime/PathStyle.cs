namespace Specgen.Runtime;

/// <summary>How a path parameter is written into its placeholder (OpenAPI's <c>style</c>). Public for generated code.</summary>
public enum PathStyle
{
    /// <summary><c>a,b</c>: the default.</summary>
    Simple,

    /// <summary><c>.a,b</c>, or <c>.a.b</c> exploded.</summary>
    Label,

    /// <summary><c>;name=a,b</c>, or <c>;name=a;name=b</c> exploded.</summary>
    Matrix,
}
