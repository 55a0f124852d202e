using System.Text.Json;
using System.Text.Json.Nodes;

namespace Specgen.Runtime.Infrastructure;

/// <summary>
/// Equality by content for generated records and unions: lists item by item in order, maps entry by entry in
/// any order, JSON (<see cref="JsonElement"/>, <see cref="JsonNode"/>) by what it says, bytes by their bytes;
/// anything else with <see cref="EqualityComparer{T}.Default"/>, so a record or union inside compares with its
/// own <c>Equals</c>. A list or map inside a list or map is compared with the comparer the generated code
/// passes (<see cref="ListOf{T}"/>, <see cref="MapOf{T}"/>). Each hash agrees with its equality. Public for
/// generated code.
/// </summary>
[global::System.ComponentModel.EditorBrowsable(global::System.ComponentModel.EditorBrowsableState.Never)]
public static class ValueEquality
{
    /// <summary>Options for writing a record to compare it: not a request (every member is written), no settings of the caller's.</summary>
    private static readonly JsonSerializerOptions s_comparing = new();

    /// <summary>
    /// Whether two records are equal: of the same type (the same member table), and writing JSON that says the same:
    /// the same members on the wire, equal values, objects and maps in any order, numbers by value. What a generated
    /// record's <c>Equals</c> is.
    /// </summary>
    /// <param name="self">This record's members.</param>
    /// <param name="other">The other record's, or <c>null</c>.</param>
    public static bool Record(MemberValues self, MemberValues? other)
    {
        ArgumentNullException.ThrowIfNull(self);
        if (ReferenceEquals(self, other))
        {
            return true;
        }

        if (other is null || !ReferenceEquals(self.Shape, other.Shape))
        {
            return false;
        }

        using var a = Written(self);
        using var b = Written(other);
        return ByContent.Instance.Equals(a.RootElement, b.RootElement);
    }

    /// <summary>A hash of what the record writes, agreeing with <see cref="Record"/>.</summary>
    /// <param name="self">The record's members.</param>
    public static int RecordHash(MemberValues self)
    {
        ArgumentNullException.ThrowIfNull(self);
        using var json = Written(self);
        return HashCode.Combine(self.Shape, DeepHash(json.RootElement));
    }

    private static JsonDocument Written(MemberValues values)
    {
        var buffer = new System.Buffers.ArrayBufferWriter<byte>();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            RecordShape.Write(writer, values, s_comparing);
        }

        return JsonDocument.Parse(buffer.WrittenMemory);
    }

    /// <summary>A hash of the whole of a JSON value that agrees with its equality by content: object members in any order, numbers by value.</summary>
    private static int DeepHash(JsonElement json)
    {
        switch (json.ValueKind)
        {
            case JsonValueKind.String:
                return HashCode.Combine(json.ValueKind, StringComparer.Ordinal.GetHashCode(json.GetString()!));
            case JsonValueKind.Number:
                return HashCode.Combine(json.ValueKind, json.TryGetDouble(out var number) ? number : 0);
            case JsonValueKind.Array:
                var items = default(HashCode);
                items.Add(json.ValueKind);
                foreach (var item in json.EnumerateArray())
                {
                    items.Add(DeepHash(item));
                }

                return items.ToHashCode();
            case JsonValueKind.Object:
                var members = 0;
                foreach (var member in json.EnumerateObject())
                {
                    members = unchecked(members + HashCode.Combine(StringComparer.Ordinal.GetHashCode(member.Name), DeepHash(member.Value)));
                }

                return HashCode.Combine(json.ValueKind, members);
            default:
                return json.ValueKind.GetHashCode();
        }
    }

    /// <summary>Whether two values are equal: JSON and bytes by content, anything else by its own equality.</summary>
    public static bool Equal<T>(T? a, T? b) => Items<T>.Comparer.Equals(a, b);

    /// <summary>A hash that agrees with <see cref="Equal{T}(T, T)"/>.</summary>
    public static int Hash<T>(T? value) => value is null ? 0 : Items<T>.Comparer.GetHashCode(value);

    /// <summary>Whether two lists hold equal items in the same order (both null is equal).</summary>
    public static bool ListEqual<T>(IReadOnlyList<T>? a, IReadOnlyList<T>? b, IEqualityComparer<T>? items = null)
    {
        if (ReferenceEquals(a, b))
        {
            return true;
        }

        if (a is null || b is null || a.Count != b.Count)
        {
            return false;
        }

        items ??= Items<T>.Comparer;
        for (var i = 0; i < a.Count; i++)
        {
            if (!items.Equals(a[i], b[i]))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>A hash of a list's items in order, agreeing with <see cref="ListEqual{T}"/>.</summary>
    public static int ListHash<T>(IReadOnlyList<T>? list, IEqualityComparer<T>? items = null)
    {
        if (list is null)
        {
            return 0;
        }

        items ??= Items<T>.Comparer;
        var hash = default(HashCode);
        hash.Add(list.Count);
        foreach (var item in list)
        {
            hash.Add(item is null ? 0 : items.GetHashCode(item));
        }

        return hash.ToHashCode();
    }

    /// <summary>Whether two maps have the same keys with equal values, in whatever order (both null is equal).</summary>
    public static bool MapEqual<T>(IReadOnlyDictionary<string, T>? a, IReadOnlyDictionary<string, T>? b, IEqualityComparer<T>? items = null) =>
        ReferenceEquals(a, b) || (a is not null && b is not null && a.Count == b.Count && SameEntries(a, b.TryGetValue, items));

    /// <summary>Whether a record's other members (its extension data) are the same, in whatever order (both null is equal).</summary>
    public static bool ExtraEqual<T>(IDictionary<string, T>? a, IDictionary<string, T>? b, IEqualityComparer<T>? items = null) =>
        ReferenceEquals(a, b) || (a is not null && b is not null && a.Count == b.Count && SameEntries(a, b.TryGetValue, items));

    /// <summary>A hash of a map's entries that does not depend on their order, agreeing with <see cref="MapEqual{T}"/> and <see cref="ExtraEqual{T}"/>.</summary>
    public static int MapHash<T>(IEnumerable<KeyValuePair<string, T>>? map, IEqualityComparer<T>? items = null)
    {
        if (map is null)
        {
            return 0;
        }

        items ??= Items<T>.Comparer;
        var sum = 0;
        foreach (var entry in map)
        {
            sum = unchecked(sum + HashCode.Combine(StringComparer.Ordinal.GetHashCode(entry.Key), entry.Value is null ? 0 : items.GetHashCode(entry.Value)));
        }

        return sum;
    }

    /// <summary>A comparer of lists by content, for a list inside a list or map; <paramref name="items"/> compares their items.</summary>
    public static IEqualityComparer<IReadOnlyList<T>?> ListOf<T>(IEqualityComparer<T>? items = null) => items is null ? Lists<T>.Default : new Lists<T>(items);

    /// <summary>A comparer of maps by content, for a map inside a list or map; <paramref name="items"/> compares their values.</summary>
    public static IEqualityComparer<IReadOnlyDictionary<string, T>?> MapOf<T>(IEqualityComparer<T>? items = null) => items is null ? Maps<T>.Default : new Maps<T>(items);

    private delegate bool Lookup<T>(string key, [System.Diagnostics.CodeAnalysis.MaybeNullWhen(false)] out T value);

    private static bool SameEntries<T>(IEnumerable<KeyValuePair<string, T>> a, Lookup<T> inB, IEqualityComparer<T>? items)
    {
        items ??= Items<T>.Comparer;
        foreach (var entry in a)
        {
            if (!inB(entry.Key, out var other) || !items.Equals(entry.Value, other))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>The comparer for a type: by content for JSON and bytes, else the type's own equality.</summary>
    private static class Items<T>
    {
        public static readonly IEqualityComparer<T> Comparer =
            typeof(T) == typeof(JsonElement) || typeof(T) == typeof(JsonElement?) || typeof(JsonNode).IsAssignableFrom(typeof(T)) || typeof(T) == typeof(byte[])
                ? (IEqualityComparer<T>)(object)ByContent.Instance
                : EqualityComparer<T>.Default;
    }

    private sealed class Lists<T>(IEqualityComparer<T>? items) : IEqualityComparer<IReadOnlyList<T>?>
    {
        public static readonly Lists<T> Default = new(null);

        public bool Equals(IReadOnlyList<T>? x, IReadOnlyList<T>? y) => ListEqual(x, y, items);

        public int GetHashCode(IReadOnlyList<T>? obj) => ListHash(obj, items);
    }

    private sealed class Maps<T>(IEqualityComparer<T>? items) : IEqualityComparer<IReadOnlyDictionary<string, T>?>
    {
        public static readonly Maps<T> Default = new(null);

        public bool Equals(IReadOnlyDictionary<string, T>? x, IReadOnlyDictionary<string, T>? y) => MapEqual(x, y, items);

        public int GetHashCode(IReadOnlyDictionary<string, T>? obj) => MapHash(obj, items);
    }

    /// <summary>
    /// JSON by what it says (objects in any member order, numbers by value: <c>1</c> and <c>1.0</c> are equal) and
    /// bytes by their bytes. Hashes look at kinds, strings and numbers, so equal JSON hashes alike.
    /// </summary>
    private sealed class ByContent : IEqualityComparer<JsonElement>, IEqualityComparer<JsonElement?>, IEqualityComparer<JsonNode?>, IEqualityComparer<byte[]?>
    {
        public static readonly ByContent Instance = new();

        public bool Equals(JsonElement x, JsonElement y) => x.ValueKind == JsonValueKind.Undefined || y.ValueKind == JsonValueKind.Undefined
            ? x.ValueKind == y.ValueKind
            : DeepEquals(x, y);

        public int GetHashCode(JsonElement obj) => obj.ValueKind switch
        {
            JsonValueKind.String => HashCode.Combine(obj.ValueKind, StringComparer.Ordinal.GetHashCode(obj.GetString()!)),
            JsonValueKind.Number => HashCode.Combine(obj.ValueKind, obj.TryGetDouble(out var number) ? number : 0),
            JsonValueKind.Array => HashCode.Combine(obj.ValueKind, obj.GetArrayLength()),
            _ => obj.ValueKind.GetHashCode(),
        };

        public bool Equals(JsonElement? x, JsonElement? y) => x is { } a ? y is { } b && Equals(a, b) : y is null;

        public int GetHashCode(JsonElement? obj) => obj is { } value ? GetHashCode(value) : 0;

        public bool Equals(JsonNode? x, JsonNode? y) => JsonNode.DeepEquals(x, y);

        public int GetHashCode(JsonNode? obj) => obj switch
        {
            null => 0,
            JsonArray array => HashCode.Combine(JsonValueKind.Array, array.Count),
            JsonObject members => HashCode.Combine(JsonValueKind.Object, members.Count),
            _ => obj.GetValueKind().GetHashCode(),
        };

        public bool Equals(byte[]? x, byte[]? y) => ReferenceEquals(x, y) || (x is not null && y is not null && x.AsSpan().SequenceEqual(y));

        public int GetHashCode(byte[]? obj)
        {
            if (obj is null)
            {
                return 0;
            }

            var hash = default(HashCode);
            hash.AddBytes(obj);
            return hash.ToHashCode();
        }

#if NET9_0_OR_GREATER
        private static bool DeepEquals(JsonElement x, JsonElement y) => JsonElement.DeepEquals(x, y);
#else
        /// <summary>What <c>JsonElement.DeepEquals</c> (.NET 9) does, for .NET 8.</summary>
        private static bool DeepEquals(JsonElement x, JsonElement y)
        {
            if (x.ValueKind != y.ValueKind)
            {
                return false;
            }

            switch (x.ValueKind)
            {
                case JsonValueKind.String:
                    return x.ValueEquals(y.GetString());
                case JsonValueKind.Number:
                    return x.GetRawText() == y.GetRawText()
                        || (x.TryGetDecimal(out var m) && y.TryGetDecimal(out var n) ? m == n : x.GetDouble() == y.GetDouble());
                case JsonValueKind.Array:
                    return x.GetArrayLength() == y.GetArrayLength() && x.EnumerateArray().Zip(y.EnumerateArray()).All(pair => DeepEquals(pair.First, pair.Second));
                case JsonValueKind.Object:
                    var count = 0;
                    foreach (var property in x.EnumerateObject())
                    {
                        count++;
                        if (!y.TryGetProperty(property.Name, out var other) || !DeepEquals(property.Value, other))
                        {
                            return false;
                        }
                    }

                    return count == y.EnumerateObject().Count();
                default:
                    return true;
            }
        }
#endif
    }
}
