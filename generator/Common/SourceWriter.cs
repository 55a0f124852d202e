using System;
using System.Text;

namespace Specgen.Generator.Common;

/// <summary>A small indented text writer for generated C#; always writes '\n' line endings.</summary>
internal sealed class SourceWriter
{
    private const string IndentUnit = "    ";
    private readonly StringBuilder _builder = new();
    private int _indent;

    public SourceWriter Line(string text = "")
    {
        if (text.Length > 0)
        {
            for (var i = 0; i < _indent; i++)
            {
                _builder.Append(IndentUnit);
            }

            _builder.Append(text);
        }

        _builder.Append('\n');
        return this;
    }

    /// <summary>
    /// Writes several lines (a raw string literal's text) at the current indentation; a checkout with CRLF line
    /// endings writes the same '\n' output.
    /// </summary>
    public SourceWriter Lines(string text)
    {
        foreach (var line in text.Split('\n'))
        {
            Line(line.TrimEnd('\r'));
        }

        return this;
    }

    public SourceWriter OpenBlock(string header)
    {
        Line(header);
        Line("{");
        _indent++;
        return this;
    }

    public SourceWriter CloseBlock(string suffix = "")
    {
        _indent--;
        Line("}" + suffix);
        return this;
    }

    public IDisposable Block(string header, string suffix = "")
    {
        OpenBlock(header);
        return new Closer(this, suffix);
    }

    public override string ToString() => _builder.ToString();

    private sealed class Closer(SourceWriter writer, string suffix) : IDisposable
    {
        public void Dispose() => writer.CloseBlock(suffix);
    }
}
