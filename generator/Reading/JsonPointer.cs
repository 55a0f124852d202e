using System.Text.Json.Nodes;

namespace Specgen.Generator.Reading;

/// <summary>Finds the node a JSON pointer names.</summary>
internal static class JsonPointer
{
    public static JsonNode? Find(JsonNode? root, string pointer)
    {
        var node = root;
        if (string.IsNullOrEmpty(pointer))
        {
            return node;
        }

        foreach (var raw in pointer.Substring(1).Split('/'))
        {
            var segment = raw.Replace("~1", "/").Replace("~0", "~");
            node = node switch
            {
                JsonObject obj => obj.TryGetPropertyValue(segment, out var child) ? child : null,
                JsonArray array when int.TryParse(segment, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var index) && index >= 0 && index < array.Count => array[index],
                _ => null,
            };

            if (node is null)
            {
                return null;
            }
        }

        return node;
    }
}
