namespace Specgen.Runtime.Infrastructure;

/// <summary>The argument of the constructor a generated converter starts from: every member absent. Public for generated code.</summary>
[System.ComponentModel.EditorBrowsable(System.ComponentModel.EditorBrowsableState.Never)]
public readonly struct Blank;
