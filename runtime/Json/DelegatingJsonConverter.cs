using System.Text.Json;
using System.Text.Json.Serialization;

namespace Specgen.Runtime.Infrastructure;

/// <summary>
/// A converter made of a read and a write function: how the generated JSON context handles the lists,
/// maps and plain values an operation sends or returns (a generated type's own converter is
/// <see cref="JsonValueConverter{T}"/>).
/// Public for generated code.
/// </summary>
/// <typeparam name="T">The value's type.</typeparam>
[global::System.ComponentModel.EditorBrowsable(global::System.ComponentModel.EditorBrowsableState.Never)]
public class DelegatingJsonConverter<T>(JsonReadFunc<T> read, JsonWriteFunc<T> write) : JsonConverter<T>
{
    /// <inheritdoc/>
    public sealed override T? Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) => read(ref reader, options);

    /// <inheritdoc/>
    public sealed override void Write(Utf8JsonWriter writer, T value, JsonSerializerOptions options) => write(writer, value, options);
}
