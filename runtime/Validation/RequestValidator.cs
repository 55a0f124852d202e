using System.Collections.Concurrent;
using System.Globalization;
using System.Text.RegularExpressions;

namespace Specgen.Runtime.Infrastructure;

/// <summary>A generated type that can check itself against its schema's constraints.</summary>
[global::System.ComponentModel.EditorBrowsable(global::System.ComponentModel.EditorBrowsableState.Never)]
public interface IValidatable
{
    /// <summary>Adds every violation in this value to <paramref name="validator"/>; <paramref name="path"/> is its JSON path.</summary>
    void Validate(RequestValidator validator, string path);
}

/// <summary>Collects constraint violations; generated <see cref="IValidatable.Validate"/> methods call it.</summary>
[global::System.ComponentModel.EditorBrowsable(global::System.ComponentModel.EditorBrowsableState.Never)]
public sealed class RequestValidator
{
    private static readonly ConcurrentDictionary<string, Regex?> Patterns = new(StringComparer.Ordinal);
    private readonly List<string> _violations = [];

    /// <summary>What was found so far.</summary>
    public IReadOnlyList<string> Violations => _violations;

    /// <summary>Checks <paramref name="value"/> and throws <see cref="RequestValidationException"/> if anything is wrong.</summary>
    public static void ThrowIfInvalid(IValidatable value)
    {
        ArgumentNullException.ThrowIfNull(value);
        var validator = new RequestValidator();
        value.Validate(validator, "$");
        if (validator._violations.Count > 0)
        {
            throw new RequestValidationException(validator._violations);
        }
    }

    /// <summary>A JSON path to a member: <c>$.name</c>, or <c>$['ui:control']</c> for a name that needs quoting.</summary>
    public static string Member(string path, string name) =>
        name.All(c => char.IsAsciiLetterOrDigit(c) || c == '_') && name.Length > 0 && !char.IsAsciiDigit(name[0])
            ? path + "." + name
            : path + "['" + name.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("'", "\\'", StringComparison.Ordinal) + "']";

    /// <summary>A JSON path to an item: <c>$.tags[2]</c>.</summary>
    public static string Item(string path, int index) => path + "[" + index.ToString(CultureInfo.InvariantCulture) + "]";

    /// <summary>Records a violation.</summary>
    public void Add(string path, string problem) => _violations.Add(path + ": " + problem);

    /// <summary>A required member must be set.</summary>
    public void Required(string path, object? value)
    {
        if (value is null)
        {
            Add(path, "required");
        }
    }

    /// <summary>
    /// The text a formatted value is sent as (<see cref="ApiText"/>: a date, a UUID, a URI as given, base64),
    /// which <c>minLength</c>, <c>maxLength</c> and <c>pattern</c> apply to; null for null.
    /// </summary>
    public static string? TextOf(object? value) => value switch
    {
        null => null,
        string text => text,
        DateTimeOffset dateTime => ApiText.DateTime(dateTime),
        DateOnly date => ApiText.Date(date),
        TimeOnly time => ApiText.Time(time),
        TimeSpan duration => ApiText.Duration(duration),
        Guid guid => ApiText.Guid(guid),
        Uri uri => ApiText.Uri(uri),
        byte[] bytes => ApiText.Bytes(bytes),
        _ => Convert.ToString(value, CultureInfo.InvariantCulture),
    };

    /// <summary>String length bounds.</summary>
    public void Length(string path, string? value, int? min, int? max)
    {
        if (value is null)
        {
            return;
        }

        if (min is { } least && value.Length < least)
        {
            Add(path, $"shorter than {least} characters");
        }

        if (max is { } most && value.Length > most)
        {
            Add(path, $"longer than {most} characters");
        }
    }

    /// <summary>The string must match the pattern (or, with several, at least one of them).</summary>
    public void Pattern(string path, string? value, params string[] patterns)
    {
        if (value is null || patterns.Length == 0)
        {
            return;
        }

        var checkable = patterns.Select(Compile).Where(r => r is not null).ToList();
        if (checkable.Count > 0 && !checkable.Any(r => Matches(r!, value)))
        {
            Add(path, patterns.Length == 1 ? $"does not match {patterns[0]}" : $"matches none of {string.Join(", ", patterns)}");
        }
    }

    /// <summary>Number bounds (inclusive) for a value that is always there (a required form field).</summary>
    public void Range<T>(string path, T value, double? minimum, double? maximum)
        where T : struct, System.Numerics.INumberBase<T> =>
        Range(path, (T?)value, minimum, maximum);

    /// <summary>Number bounds (inclusive), for any number type (compared as <see cref="double"/>).</summary>
    public void Range<T>(string path, T? value, double? minimum, double? maximum)
        where T : struct, System.Numerics.INumberBase<T>
    {
        if (value is not { } given)
        {
            return;
        }

        var number = double.CreateSaturating(given);

        if (minimum is { } min && number < min)
        {
            Add(path, $"less than {min.ToString(CultureInfo.InvariantCulture)}");
        }

        if (maximum is { } max && number > max)
        {
            Add(path, $"greater than {max.ToString(CultureInfo.InvariantCulture)}");
        }
    }

    /// <summary>A closed enum must hold one of the values the spec lists.</summary>
    public void Known<T>(string path, T? value)
        where T : struct, IApiEnum
    {
        if (value is { } set)
        {
            Known(path, set);
        }
    }

    /// <summary>A closed enum (a required member) must hold one of the values the spec lists.</summary>
    public void Known<T>(string path, T value)
        where T : struct, IApiEnum
    {
        if (!value.IsKnown)
        {
            Add(path, $"'{value}' is not one of the allowed values");
        }
    }

    /// <summary>Checks a nested value.</summary>
    public void Nested(string path, IValidatable? value) => value?.Validate(this, path);

    private static bool Matches(Regex regex, string value)
    {
        try
        {
            return regex.IsMatch(value);
        }
        catch (RegexMatchTimeoutException)
        {
            return true; // Too costly to decide here; the server will.
        }
    }

    /// <summary>ECMAScript-flavoured patterns from the spec; one .NET cannot read is not checked.</summary>
    private static Regex? Compile(string pattern) =>
        Patterns.GetOrAdd(pattern, static p =>
        {
            try
            {
                return new Regex(p, RegexOptions.CultureInvariant, TimeSpan.FromSeconds(1));
            }
            catch (ArgumentException)
            {
                return null;
            }
        });
}
