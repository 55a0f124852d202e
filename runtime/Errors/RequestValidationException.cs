namespace Specgen.Runtime;

/// <summary>A request body breaks the spec's constraints; nothing was sent. Lists every violation.</summary>
public sealed class RequestValidationException : ArgumentException
{
    /// <summary>Creates the exception.</summary>
    public RequestValidationException(IReadOnlyList<string> violations)
        : base("The request is not valid, so it was not sent:" + Environment.NewLine + string.Join(Environment.NewLine, violations.Select(v => "  " + v)))
    {
        Violations = violations;
    }

    /// <summary>One line per violation, each starting with its JSON path: <c>$.name: longer than 128 characters</c>.</summary>
    public IReadOnlyList<string> Violations { get; }
}
