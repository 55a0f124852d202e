using System.Text;
using System.Text.Json;

namespace Specgen.Runtime.Infrastructure;

/// <summary>
/// The JSON names of a record's members, in member order, for its generated converter: the reader's
/// property name is looked up here (the member after the one read last first, since servers mostly
/// send members in the order the spec lists them), and the writer gets each name already encoded.
/// Public for generated code.
/// </summary>
[global::System.ComponentModel.EditorBrowsable(global::System.ComponentModel.EditorBrowsableState.Never)]
public sealed class JsonMemberNames
{
    private readonly byte[][] _utf8;
    private readonly JsonEncodedText[] _encoded;

    /// <summary>The names, one per member, in member order.</summary>
    public JsonMemberNames(params string[] names)
    {
        _utf8 = new byte[names.Length][];
        _encoded = new JsonEncodedText[names.Length];
        for (var i = 0; i < names.Length; i++)
        {
            // Text that is not valid UTF-16 (a lone surrogate) is matched as its replacement bytes, as the reader has it.
            _utf8[i] = Encoding.UTF8.GetBytes(names[i]);
            _encoded[i] = JsonEncodedText.Encode(names[i]);
        }
    }

    /// <summary>The name of member <paramref name="index"/>, encoded for <see cref="Utf8JsonWriter.WritePropertyName(JsonEncodedText)"/>.</summary>
    public JsonEncodedText this[int index] => _encoded[index];

    /// <summary>
    /// The member whose name the reader is on (a property name), or -1 when the type does not describe
    /// it. <paramref name="last"/> is the member read last (-1 before the first): its successor is tried first.
    /// </summary>
    public int Find(ref Utf8JsonReader reader, int last)
    {
        var count = _utf8.Length;
        if (count == 0)
        {
            return -1;
        }

        // Escaped or split text is rare: the reader compares its unescaped text itself.
        var plain = !reader.HasValueSequence && !reader.ValueIsEscaped;
        var name = plain ? reader.ValueSpan : default;
        var start = last + 1 < count ? last + 1 : 0;
        for (var n = 0; n < count; n++)
        {
            var i = start + n < count ? start + n : start + n - count;
            if (plain ? name.SequenceEqual(_utf8[i]) : reader.ValueTextEquals(_utf8[i]))
            {
                return i;
            }
        }

        return -1;
    }
}
