using System.Text;
using System.Text.Json;

namespace Specgen.Runtime.Infrastructure;

/// <summary>What the spec says of a record's member, for its <see cref="RecordShape"/>. Public for generated code.</summary>
[Flags]
[global::System.ComponentModel.EditorBrowsable(global::System.ComponentModel.EditorBrowsableState.Never)]
public enum RecordMemberFlags
{
    /// <summary>Optional, not nullable: set to <c>null</c>, it is left out.</summary>
    None = 0,

    /// <summary>
    /// Required: a read that lacks it (or has <c>null</c> where none is allowed) fails only with strict options, and
    /// touching the member then says what was wrong; set to <c>null</c>, it is sent as <c>null</c>.
    /// </summary>
    Required = 1,

    /// <summary>The spec allows <c>null</c>: a value, sent as <c>null</c>.</summary>
    Nullable = 2,

    /// <summary><c>readOnly</c>: the server's; never written in a request.</summary>
    ReadOnly = 4,

    /// <summary><c>writeOnly</c>: a response that lacks it lacks nothing.</summary>
    WriteOnly = 8,

    /// <summary>Its initial value is what the public constructor sets (a hierarchy's discriminator), not what a read that lacks it holds.</summary>
    Preset = 16,
}

/// <summary>One member of a generated record: its names, how its value reads and writes, and what the spec says of it. Public for generated code.</summary>
/// <param name="name">The C# member's name.</param>
/// <param name="jsonName">The property's name on the wire.</param>
/// <param name="codec">How its value reads and writes.</param>
/// <param name="flags">What the spec says of it.</param>
/// <param name="initial">
/// Its value before anything sets it (a default or constant): on the wire in a record the caller makes, and what a
/// record read without it holds, not on the wire.
/// </param>
[global::System.ComponentModel.EditorBrowsable(global::System.ComponentModel.EditorBrowsableState.Never)]
public sealed class RecordMember(string name, string jsonName, JsonCodec codec, RecordMemberFlags flags = RecordMemberFlags.None, object? initial = null)
{
    /// <summary>The C# member's name.</summary>
    public string Name { get; } = name ?? throw new ArgumentNullException(nameof(name));

    /// <summary>The property's name on the wire.</summary>
    public string JsonName { get; } = jsonName ?? throw new ArgumentNullException(nameof(jsonName));

    /// <summary>How its value reads and writes.</summary>
    public JsonCodec Codec { get; } = codec ?? throw new ArgumentNullException(nameof(codec));

    /// <summary>What the spec says of it.</summary>
    public RecordMemberFlags Flags { get; } = flags;

    /// <summary>Its value before anything sets it, or <c>null</c>.</summary>
    public object? Initial { get; } = initial;

    internal bool Has(RecordMemberFlags flag) => (Flags & flag) != 0;

    /// <summary>What a record read without it holds.</summary>
    internal object? Fallback => Has(RecordMemberFlags.Preset) ? null : Initial;
}

/// <summary>
/// A generated record's members as data: the table its reading and writing, <c>ToString</c>, equality and validation are driven
/// by, so the generated code holds a line per member, not a statement per member in each. Reads members in any order
/// (the next one in the table first), keeps the properties the table does not describe, and writes the members on
/// the wire in table order, then the others. No reflection. Public for generated code.
/// </summary>
[global::System.ComponentModel.EditorBrowsable(global::System.ComponentModel.EditorBrowsableState.Never)]
public sealed class RecordShape
{
    private readonly RecordMember[] _members;
    private readonly bool _hasReadOnly;

    /// <summary>A record's shape.</summary>
    /// <param name="typeName">The record's C# name, for messages.</param>
    /// <param name="members">Its members, in the order the spec lists them (a subtype's after its base's).</param>
    /// <param name="extra">How the properties the spec does not describe read and write: as JSON (<c>null</c>), or the codec <c>additionalProperties</c> gives.</param>
    public RecordShape(string typeName, RecordMember[] members, JsonCodec? extra = null)
    {
        ArgumentNullException.ThrowIfNull(typeName);
        ArgumentNullException.ThrowIfNull(members);
        TypeName = typeName;
        _members = members;
        Extra = extra ?? JsonCodec.Element;
        Names = new JsonMemberNames(Array.ConvertAll(members, m => m.JsonName));
        _hasReadOnly = Array.Exists(members, m => m.Has(RecordMemberFlags.ReadOnly));
    }

    /// <summary>The record's C# name.</summary>
    public string TypeName { get; }

    internal JsonMemberNames Names { get; }

    internal JsonCodec Extra { get; }

    internal int Count => _members.Length;

    internal RecordMember this[int index] => _members[index];

    /// <summary>The members of a record the caller makes: defaults, constants and the discriminator on the wire.</summary>
    public MemberValues Create()
    {
        var values = new MemberValues(this);
        for (var i = 0; i < _members.Length; i++)
        {
            values.Slots[i] = _members[i].Initial;
        }

        return values;
    }

    /// <summary>Reads the object the reader is on; <c>null</c> for a JSON null.</summary>
    public MemberValues? Read(ref Utf8JsonReader reader, JsonSerializerOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (reader.TokenType == JsonTokenType.Null)
        {
            return null;
        }

        JsonRead.Expect(ref reader, JsonTokenType.StartObject, TypeName);
        var values = new MemberValues(this);
        object? extra = null;
        var member = -1;
        while (Extra.NextMember(ref reader, Names, options, ref extra, ref member))
        {
            values.Slots[member] = ReadMember(_members[member].Codec, ref reader, options);
        }

        values.Extra = extra;
        for (var i = 0; i < _members.Length; i++)
        {
            var m = _members[i];
            // A writeOnly member is never in a response: lacking it is not a drift from the spec.
            if (!m.Has(RecordMemberFlags.Required) || m.Has(RecordMemberFlags.WriteOnly))
            {
                continue;
            }

            switch (values.Slots[i])
            {
                case null:
                    JsonRead.Incomplete(options, TypeName, m.JsonName, false);
                    break;
                case MemberValues.Marker when !m.Has(RecordMemberFlags.Nullable):
                case MemberValues.Kept { Value: null }:
                    JsonRead.Incomplete(options, TypeName, m.JsonName, true);
                    break;
            }
        }

        return values;
    }

    /// <summary>Writes the record: the members on the wire (a null as null, a value kept as sent as sent), then the other properties.</summary>
    public static void Write(Utf8JsonWriter writer, MemberValues? values, JsonSerializerOptions options)
    {
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(options);
        if (values is null)
        {
            writer.WriteNullValue();
            return;
        }

        var shape = values.Shape;
        // A readOnly member is the server's: the client does not send it back in a request.
        var request = shape._hasReadOnly && JsonWrite.IsRequest(options);
        writer.WriteStartObject();
        for (var i = 0; i < shape._members.Length; i++)
        {
            var slot = values.Slots[i];
            if (slot is null || ReferenceEquals(slot, MemberValues.Cleared) || (request && shape._members[i].Has(RecordMemberFlags.ReadOnly)))
            {
                continue;
            }

            writer.WritePropertyName(shape.Names[i]);
            switch (slot)
            {
                case MemberValues.Marker:
                    writer.WriteNullValue();
                    break;
                case MemberValues.Kept kept:
                    kept.Raw.WriteTo(writer);
                    break;
                default:
                    shape._members[i].Codec.WriteBoxed(writer, slot, options);
                    break;
            }
        }

        shape.Extra.WriteExtra(writer, values.Extra, options);
        writer.WriteEndObject();
    }

    private static object ReadMember(JsonCodec codec, ref Utf8JsonReader reader, JsonSerializerOptions options)
    {
        if (reader.TokenType == JsonTokenType.Null)
        {
            return MemberValues.Null;
        }

        if (codec.IsLenient)
        {
            var value = codec.ReadLenient(ref reader, options, out var raw);
            return raw is { } kept ? new MemberValues.Kept(value, kept) : value ?? MemberValues.Null;
        }

        return codec.ReadBoxed(ref reader, options) ?? MemberValues.Null;
    }
}

/// <summary>
/// The members of one generated record, as its <see cref="RecordShape"/> describes them: each absent, null, a value,
/// or the JSON as sent for a value that did not read (three states on the wire, and nothing lost). The record's
/// properties get and set them by index. Public for generated code.
/// </summary>
[global::System.ComponentModel.EditorBrowsable(global::System.ComponentModel.EditorBrowsableState.Never)]
public sealed class MemberValues
{
    /// <summary>A member that is on the wire as <c>null</c>.</summary>
    internal static readonly Marker Null = new();

    /// <summary>An optional member set to <c>null</c>: not on the wire, and <c>null</c> (not its default) when read.</summary>
    internal static readonly object Cleared = new();

    internal MemberValues(RecordShape shape)
    {
        Shape = shape;
        Slots = new object?[shape.Count];
    }

    internal RecordShape Shape { get; }

    /// <summary>Each member: <c>null</c> when absent (its initial value, if any, is what it holds), <see cref="Null"/>, <see cref="Cleared"/>, <see cref="Kept"/> or the value.</summary>
    internal object?[] Slots { get; private set; }

    /// <summary>The properties the spec does not describe, as a <c>Dictionary&lt;string, T&gt;</c> of the shape's extra codec's type.</summary>
    internal object? Extra { get; set; }

    /// <summary>
    /// A member, as its property gets and sets it. Getting: its value, boxed (the property casts it), or <c>null</c>;
    /// touching one that a read found missing, null where the spec allows none, or malformed throws
    /// <see cref="MemberUnavailableException"/>. Setting: on the wire, or for <c>null</c> on the wire as <c>null</c>
    /// where the spec requires it or allows null, and left out otherwise. A property of a value type that cannot be
    /// null gets its member with <see cref="Get{T}"/> instead, whose <c>default</c> is not <c>null</c>.
    /// </summary>
    /// <param name="index">The member's place in the shape.</param>
    public object? this[int index]
    {
        get
        {
            var slot = Slots[index];
            return slot is null or Marker or Kept || ReferenceEquals(slot, Cleared) ? Missing<object>(index, true) : slot;
        }

        set => Slots[index] = value ?? (Shape[index].Has(RecordMemberFlags.Required | RecordMemberFlags.Nullable) ? Null : Cleared);
    }

    /// <summary>A member's value, for a property of a value type that cannot be null; as the indexer, with <c>default(T)</c> where it has <c>null</c>.</summary>
    /// <typeparam name="T">The member's type, as its property has it.</typeparam>
    /// <param name="index">The member's place in the shape.</param>
    public T Get<T>(int index) => Slots[index] is T value ? value : Missing<T>(index, true);

    /// <summary>A member's value, or <c>null</c> when it has none: what validation looks at, which must report a missing member, not throw.</summary>
    /// <typeparam name="T">The member's type, nullable.</typeparam>
    /// <param name="index">The member's place in the shape.</param>
    public T Peek<T>(int index) => Slots[index] is T value ? value : Missing<T>(index, false);


    /// <summary>The properties the spec does not describe.</summary>
    /// <typeparam name="T">Their values' type.</typeparam>
    public IDictionary<string, T>? GetExtra<T>() => (IDictionary<string, T>?)Extra;

    /// <summary>Sets the properties the spec does not describe.</summary>
    /// <typeparam name="T">Their values' type.</typeparam>
    /// <param name="value">The properties.</param>
    public void SetExtra<T>(IDictionary<string, T>? value) => Extra = value;

    /// <summary>A copy, for a <c>with</c> expression: changing one leaves the other as it was.</summary>
    public MemberValues Clone() => new(Shape) { Slots = (object?[])Slots.Clone(), Extra = Extra };

    /// <summary>
    /// What a record's <c>ToString</c> prints: <c>Name = value</c> for each member (a value kept as sent prints its JSON;
    /// a required member a read lacked prints empty, where touching it would throw), then the other properties.
    /// </summary>
    /// <param name="builder">Where to print.</param>
    /// <param name="extraName">The name of the record's member for the other properties.</param>
    /// <returns>Always <c>true</c>: what a record's <c>PrintMembers</c> returns when it printed something.</returns>
    public bool Print(StringBuilder builder, string extraName)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var printed = false;
        for (var i = 0; i < Slots.Length; i++)
        {
            var shown = Slots[i] switch
            {
                null => Shape[i].Fallback,
                Kept kept => kept.Value ?? kept.Raw,
                Marker => null,
                var value when ReferenceEquals(value, Cleared) => null,
                var value => value,
            };
            RecordText.Member(builder, ref printed, Shape[i].Name, shown);
        }

        RecordText.Member(builder, ref printed, extraName, Extra);
        return true;
    }

    private T Missing<T>(int index, bool strict)
    {
        var member = Shape[index];
        switch (Slots[index])
        {
            case Kept kept:
                if (kept.Value is T read)
                {
                    return read;
                }

                if (strict)
                {
                    throw JsonRead.Malformed(Shape.TypeName, member.Name, member.JsonName, member.Codec.Expected, kept.Raw);
                }

                break;
            case null when member.Fallback is T initial:
                return initial;
            case null when strict && member.Has(RecordMemberFlags.Required):
                throw JsonRead.Unavailable(Shape.TypeName, member.Name, member.JsonName, false);
            case Marker when strict && member.Has(RecordMemberFlags.Required) && !member.Has(RecordMemberFlags.Nullable):
                throw JsonRead.Unavailable(Shape.TypeName, member.Name, member.JsonName, true);
        }

        return default!;
    }

    /// <summary>The JSON null marker's type.</summary>
    internal sealed class Marker
    {
    }

    /// <summary>A value kept as sent: it did not read (<see cref="Value"/> null), or would be written differently.</summary>
    internal sealed class Kept(object? value, JsonElement raw)
    {
        public object? Value { get; } = value;

        public JsonElement Raw { get; } = raw;
    }
}
