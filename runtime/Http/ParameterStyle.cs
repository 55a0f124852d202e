namespace Specgen.Runtime.Infrastructure;

/// <summary>How a parameter is written on the wire (OpenAPI's <c>style</c>). Public for generated code.</summary>
[global::System.ComponentModel.EditorBrowsable(global::System.ComponentModel.EditorBrowsableState.Never)]
public enum ParameterStyle
{
    /// <summary><c>a,b</c>: paths and headers by default.</summary>
    Simple,

    /// <summary>A path parameter as <c>.a,b</c>, or <c>.a.b</c> exploded.</summary>
    Label,

    /// <summary>A path parameter as <c>;name=a,b</c>, or <c>;name=a;name=b</c> exploded.</summary>
    Matrix,

    /// <summary><c>name=a,b</c>, or <c>name=a&amp;name=b</c> exploded: queries and cookies by default.</summary>
    Form,

    /// <summary>A list as <c>name=a%20b</c>: its values joined by spaces.</summary>
    SpaceDelimited,

    /// <summary>A list as <c>name=a|b</c>: its values joined by pipes.</summary>
    PipeDelimited,

    /// <summary>An object query parameter as <c>name[key]=value</c>, one pair per member.</summary>
    DeepObject,
}
