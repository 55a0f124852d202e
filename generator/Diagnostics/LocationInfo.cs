using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Text;

namespace Specgen.Generator.Diagnostics;

/// <summary>A place in a spec file, kept as plain data so it can cross pipeline steps (a <see cref="Location"/> cannot).</summary>
internal sealed record LocationInfo(string FilePath, TextSpan Span, LinePositionSpan LineSpan)
{
    public Location ToLocation() => Location.Create(FilePath, Span, LineSpan);

    public static LocationInfo StartOf(string filePath) =>
        new(filePath, new TextSpan(0, 0), new LinePositionSpan(new LinePosition(0, 0), new LinePosition(0, 0)));
}
