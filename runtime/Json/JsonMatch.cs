using System.Diagnostics.CodeAnalysis;
using System.Text;
using System.Text.Json;

namespace Specgen.Runtime.Infrastructure;

/// <summary>
/// The tests a generated union's converter runs to pick a case. Each looks ahead on a copy of the
/// reader, so the value is read once, by the case that fits. Public for generated code.
/// </summary>
[global::System.ComponentModel.EditorBrowsable(global::System.ComponentModel.EditorBrowsableState.Never)]
public static class JsonMatch
{
    /// <summary>
    /// Answers all of a union's property tests in one pass over the object the reader is on: bit <c>i</c>
    /// is set when fact <c>i</c> holds. The first occurrence of a property decides; 0 for a non-object.
    /// </summary>
    public static ulong Scan(Utf8JsonReader json, Facts facts)
    {
        ArgumentNullException.ThrowIfNull(facts);
        if (json.TokenType != JsonTokenType.StartObject)
        {
            return 0;
        }

        ulong found = 0;
        ulong seen = 0;
        var all = facts.AllNames;
        while (seen != all && json.Read() && json.TokenType == JsonTokenType.PropertyName)
        {
            var index = facts.IndexOf(ref json, seen);
            json.Read();
            if (index >= 0)
            {
                seen |= 1UL << index;
                found |= facts.Holds(index, ref json);
            }

            json.Skip();
        }

        return found;
    }

    /// <summary>Whether the value is an object with the property.</summary>
    public static bool Has(Utf8JsonReader json, ReadOnlySpan<byte> property) => Seek(ref json, property);

    /// <summary>Whether the value is an object whose property is the given string.</summary>
    public static bool HasString(Utf8JsonReader json, ReadOnlySpan<byte> property, ReadOnlySpan<byte> value) =>
        Seek(ref json, property) && IsString(json, value);

    /// <summary>The string an object's property holds (its first occurrence); null when the value is not an object, lacks it, or it is not a string.</summary>
    public static string? StringOf(Utf8JsonReader json, ReadOnlySpan<byte> property) =>
        Seek(ref json, property) && json.TokenType == JsonTokenType.String ? json.GetString() : null;

    /// <summary>
    /// Moves to the value of the property's first occurrence in the object the reader is on: the first
    /// occurrence decides, and the scan stops there, so a discriminator written first is cheap. False
    /// when the value is not an object or lacks it.
    /// </summary>
    private static bool Seek(ref Utf8JsonReader json, ReadOnlySpan<byte> property)
    {
        if (json.TokenType != JsonTokenType.StartObject)
        {
            return false;
        }

        while (json.Read() && json.TokenType == JsonTokenType.PropertyName)
        {
            var found = json.ValueTextEquals(property);
            json.Read();
            if (found)
            {
                return true;
            }

            json.Skip();
        }

        return false;
    }

    /// <summary>Whether the value is the given string.</summary>
    public static bool IsString(Utf8JsonReader json, ReadOnlySpan<byte> value) =>
        json.TokenType == JsonTokenType.String && json.ValueTextEquals(value);

    /// <summary>Whether the value is an array with no items.</summary>
    public static bool IsEmptyArray(Utf8JsonReader json) =>
        json.TokenType == JsonTokenType.StartArray && json.Read() && json.TokenType == JsonTokenType.EndArray;

    /// <summary>A reader on the first item of the array the reader is on.</summary>
    public static Utf8JsonReader FirstItem(Utf8JsonReader json)
    {
        json.Read();
        return json;
    }

    /// <summary>
    /// Reads the value as a case's type; false (not an exception) when it does not fit, with the reader
    /// where it was so the next case can try.
    /// </summary>
    public static bool TryRead<T>(ref Utf8JsonReader reader, JsonSerializerOptions options, JsonReadFunc<T> read, [MaybeNullWhen(false)] out T value)
    {
        var attempt = reader;
        try
        {
            value = read(ref attempt, options);
        }
        catch (Exception e) when (e is JsonException or InvalidOperationException or FormatException)
        {
            value = default;
            return false;
        }

        if (value is null)
        {
            return false;
        }

        reader = attempt;
        return true;
    }

    /// <summary>Reads raw JSON as a case's type; false (not an exception) when it does not fit.</summary>
    public static bool TryRead<T>(JsonElement json, JsonReadFunc<T> read, [MaybeNullWhen(false)] out T value)
    {
        var reader = new Utf8JsonReader(JsonWrite.ToUtf8(json, JsonWrite.Element));
        reader.Read();
        return TryRead(ref reader, JsonWrite.Plain, read, out value);
    }

    /// <summary>
    /// The property tests of a union's cases, prepared once: each is a property that must be present
    /// (value null) or must be the given string. At most 64.
    /// </summary>
    public sealed class Facts
    {
        private readonly JsonMemberNames _names;
        private readonly ulong[] _presence;
        private readonly (byte[] Value, ulong Bit)[][] _values;

        /// <summary>Prepares the facts; fact <c>i</c> is bit <c>i</c> of a <see cref="Scan"/>.</summary>
        public Facts(params (string Property, string? Value)[] facts)
        {
            ArgumentNullException.ThrowIfNull(facts);
            if (facts.Length > 64)
            {
                throw new ArgumentException("A scan answers at most 64 facts.", nameof(facts));
            }

            var names = facts.Select(f => f.Property).Distinct(StringComparer.Ordinal).ToList();
            _names = new JsonMemberNames(names.ToArray());
            _presence = new ulong[names.Count];
            _values = new (byte[], ulong)[names.Count][];
            for (var n = 0; n < names.Count; n++)
            {
                var values = new List<(byte[], ulong)>();
                for (var i = 0; i < facts.Length; i++)
                {
                    if (facts[i].Property != names[n])
                    {
                        continue;
                    }

                    if (facts[i].Value is { } value)
                    {
                        values.Add((Encoding.UTF8.GetBytes(value), 1UL << i));
                    }
                    else
                    {
                        _presence[n] |= 1UL << i;
                    }
                }

                _values[n] = values.ToArray();
            }

            AllNames = names.Count == 64 ? ulong.MaxValue : (1UL << names.Count) - 1;
        }

        internal ulong AllNames { get; }

        /// <summary>The first property not yet seen whose name the reader is on, or -1.</summary>
        internal int IndexOf(ref Utf8JsonReader json, ulong seen)
        {
            // The names are distinct, so the one that matches is the first not yet seen, if it is not seen.
            var n = _names.Find(ref json, -1);
            return n >= 0 && (seen & (1UL << n)) == 0 ? n : -1;
        }

        /// <summary>The facts property <paramref name="index"/> makes true, with the reader on its value.</summary>
        internal ulong Holds(int index, ref Utf8JsonReader json)
        {
            var holds = _presence[index];
            if (json.TokenType == JsonTokenType.String)
            {
                foreach (var (value, bit) in _values[index])
                {
                    if (json.ValueTextEquals(value))
                    {
                        holds |= bit;
                    }
                }
            }

            return holds;
        }
    }
}
