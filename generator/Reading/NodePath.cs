using System.Globalization;

namespace Specgen.Generator.Reading;

/// <summary>
/// Where a walk over a document is, as steps from where it started: the JSON pointer's text is made only when
/// something asks for it (a diagnostic, a reference to follow), not for each of the nodes a walk passes (GitHub's
/// 13 MB description has 700,000, and their pointers were most of what the checks before Microsoft.OpenApi allocated).
/// </summary>
internal sealed class NodePath
{
    private readonly string? _key;
    private readonly int _index;
    private string? _pointer;

    private NodePath(NodePath? parent, string? key, int index, string? pointer)
    {
        Parent = parent;
        _key = key;
        _index = index;
        _pointer = pointer;
    }

    /// <summary>The document's root.</summary>
    public static NodePath Root { get; } = new(null, null, -1, string.Empty);

    /// <summary>The node a JSON pointer names, as a path (a walk that starts below the root).</summary>
    public static NodePath At(string pointer) => pointer.Length == 0
        ? Root
        : new NodePath(At(JsonPointer.Parent(pointer)), JsonPointer.LastKey(pointer), -1, pointer);

    /// <summary>The step before this one; null at the root.</summary>
    public NodePath? Parent { get; }

    /// <summary>The last step as a pointer's segment says it, unescaped: a member's key or an item's index; empty at the root.</summary>
    public string Last => _key ?? (_index >= 0 ? _index.ToString(CultureInfo.InvariantCulture) : string.Empty);

    /// <summary>The member named <paramref name="key"/> of the object here.</summary>
    public NodePath Member(string key) => new(this, key, -1, null);

    /// <summary>The item at <paramref name="index"/> of the array here.</summary>
    public NodePath Item(int index) => new(this, null, index, null);

    /// <summary>The JSON pointer, made once.</summary>
    public override string ToString() => _pointer ??= JsonPointer.Child(Parent!.ToString(), Last);
}
