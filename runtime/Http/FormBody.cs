using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Serialization.Metadata;

namespace Specgen.Runtime.Infrastructure;

/// <summary>
/// A form body a generated client fills member by member, in the spec's order: sent as
/// <c>multipart/form-data</c> (a part per value; files streamed, never copied into memory) or as
/// <c>application/x-www-form-urlencoded</c> (a pair per value). A null value is not sent. Public for generated code.
/// </summary>
[global::System.ComponentModel.EditorBrowsable(global::System.ComponentModel.EditorBrowsableState.Never)]
public sealed class FormBody
{
    private readonly List<Part> _parts = [];

    /// <summary>A text value (a part, or a pair); <paramref name="contentType"/> is the part's media type, none when null.</summary>
    public void Text(string name, string? value, string? contentType = null)
    {
        if (value is not null)
        {
            _parts.Add(new Part(name, value, null, null, contentType));
        }
    }

    /// <summary>
    /// A list of text values: in a multipart body a part each; in a form-urlencoded one a pair each when
    /// exploded (<c>tag=a&amp;tag=b</c>), else one pair joined by the style's delimiter (<c>,</c>, a space or <c>|</c>).
    /// </summary>
    public void Texts(string name, IEnumerable<string>? values, ParameterStyle style, bool explode, string? contentType = null)
    {
        if (values is null)
        {
            return;
        }

        var list = values.ToList();
        _parts.Add(new Part(name, null, list, style switch
        {
            ParameterStyle.SpaceDelimited => " ",
            ParameterStyle.PipeDelimited => "|",
            _ when explode => null,
            _ => ",",
        }, contentType));
    }

    /// <summary>A file: a part with its file name and media type (the file's own, else <paramref name="contentType"/>, else <c>application/octet-stream</c>).</summary>
    public void File(string name, FilePart? file, string? contentType = null)
    {
        if (file is not null)
        {
            _parts.Add(new Part(name, null, null, null, contentType) { File = file, Start = file.Content.CanSeek ? file.Content.Position : 0 });
        }
    }

    /// <summary>Files: a part each, all with the same name.</summary>
    public void Files(string name, IEnumerable<FilePart>? files, string? contentType = null)
    {
        foreach (var file in files ?? [])
        {
            File(name, file, contentType);
        }
    }

    /// <summary>A value written as JSON (as a request body is): a part of <paramref name="contentType"/>.</summary>
    public void Json<T>(string name, T? value, JsonTypeInfo<T> type, string contentType = "application/json")
    {
        ArgumentNullException.ThrowIfNull(type);
        if (value is not null)
        {
            _parts.Add(new Part(name, Encoding.UTF8.GetString(JsonWrite.RequestBody(value, type)), null, null, contentType));
        }
    }

    /// <summary>A value that may be absent (a struct) written as JSON; nothing when it is null.</summary>
    public void JsonValue<T>(string name, T? value, JsonTypeInfo<T> type, string contentType = "application/json")
        where T : struct
    {
        if (value is { } present)
        {
            Json(name, present, type, contentType);
        }
    }

    /// <summary>
    /// An object's members (a null member is not sent): <see cref="ParameterStyle.DeepObject"/>
    /// <c>name[key]=value</c> each; form exploded <c>key=value</c> each; else <c>name=key,value,…</c>.
    /// </summary>
    public void Pairs(string name, IEnumerable<KeyValuePair<string, string?>>? members, ParameterStyle style, bool explode)
    {
        if (members is null)
        {
            return;
        }

        foreach (var pair in ApiRequest.FormPairs(name, members, style, explode))
        {
            Text(pair.Key, pair.Value);
        }
    }

    /// <summary>Whether it can be sent again for a retry: not when a file's stream cannot go back.</summary>
    internal bool CanResend => _parts.All(p => p.File is null || p.File.Content.CanSeek);

    /// <summary>The content for one attempt: built afresh each time, so a retry sends every file from its start.</summary>
    internal HttpContent ToContent(string mediaType) =>
        mediaType.StartsWith("multipart/", StringComparison.OrdinalIgnoreCase) ? Multipart() : UrlEncoded(mediaType);

    private HttpContent UrlEncoded(string mediaType)
    {
        var pairs = new List<KeyValuePair<string, string>>();
        foreach (var part in _parts.Where(p => p.File is null))
        {
            if (part.Values is null)
            {
                pairs.Add(new(part.Name, part.Value!));
            }
            else if (part.Delimiter is { } delimiter)
            {
                pairs.Add(new(part.Name, string.Join(delimiter, part.Values)));
            }
            else
            {
                pairs.AddRange(part.Values.Select(v => new KeyValuePair<string, string>(part.Name, v)));
            }
        }

        // Spaces as '+', everything but letters, digits and -._~ percent-escaped as UTF-8.
        var content = new FormUrlEncodedContent(pairs);
        content.Headers.ContentType = MediaTypeHeaderValue.Parse(mediaType);
        return content;
    }

    private HttpContent Multipart()
    {
        // Part headers in UTF-8, as browsers send them: a file name is never mangled into an encoded-word.
        var content = new MultipartContent("form-data", "specgen-" + Guid.NewGuid().ToString("N")) { HeaderEncodingSelector = static (_, _) => Encoding.UTF8 };
        foreach (var part in _parts)
        {
            if (part.File is { } file)
            {
                var fileContent = new StreamBodyContent(file.Content, part.Start);
                Disposition(fileContent, part.Name, file.FileName ?? part.Name);
                fileContent.Headers.TryAddWithoutValidation("Content-Type", file.ContentType ?? Concrete(part.ContentType) ?? "application/octet-stream");
                foreach (var header in file.Headers)
                {
                    fileContent.Headers.TryAddWithoutValidation(header.Key, header.Value);
                }

                content.Add(fileContent);
                continue;
            }

            foreach (var value in part.Values ?? [part.Value!])
            {
                var text = new ByteArrayContent(Encoding.UTF8.GetBytes(value));
                Disposition(text, part.Name, null);
                if (part.ContentType is { } type)
                {
                    text.Headers.TryAddWithoutValidation("Content-Type", type);
                }

                content.Add(text);
            }
        }

        return content;
    }

    /// <summary><c>form-data; name="…"; filename="…"</c>, quotes and line breaks percent-escaped as the HTML standard does.</summary>
    private static void Disposition(HttpContent content, string name, string? fileName)
    {
        static string Quote(string value) => "\"" + value.Replace("\"", "%22").Replace("\r", "%0D").Replace("\n", "%0A") + "\"";
        var value = "form-data; name=" + Quote(name) + (fileName is null ? string.Empty : "; filename=" + Quote(fileName));
        content.Headers.TryAddWithoutValidation("Content-Disposition", value);
    }

    /// <summary>The spec's media type for a part when it names one type (not <c>image/*</c> or a list).</summary>
    private static string? Concrete(string? contentType) =>
        contentType is { } type && !type.Contains('*') && !type.Contains(',') ? type : null;

    private sealed record Part(string Name, string? Value, List<string>? Values, string? Delimiter, string? ContentType)
    {
        public FilePart? File { get; init; }

        public long Start { get; init; }
    }
}
