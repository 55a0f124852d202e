using System.Collections.Generic;
using System.Linq;
using Specgen.Generator.Common;
using Specgen.Generator.Model;

namespace Specgen.Generator.Emitting;

internal static partial class ClientEmitter
{
    /// <summary>A form body: each member written as a part (or pair), in the spec's order; a member not set is not sent.</summary>
    private static void WriteForm(SourceWriter writer, BodyModel body, FormModel form, string ns, Dictionary<string, string> typeInfos)
    {
        void Parts()
        {
            writer.Line($"var form = new {CSharp.Infrastructure}.FormBody();");
            foreach (var part in form.Parts)
            {
                writer.Line(WritePart(part, body.Name + "." + part.Name, ns, typeInfos));
            }

            // A form that checks itself is checked before sending, as a JSON body is.
            writer.Line(form.IsValidated
                ? $"apiRequest.FormBody(form, {CSharp.Literal(body.ContentType)}, {body.Name});"
                : $"apiRequest.FormBody(form, {CSharp.Literal(body.ContentType)});");
        }

        if (body.IsRequired)
        {
            writer.Line($"global::System.ArgumentNullException.ThrowIfNull({body.Name});");
            Parts();
            return;
        }

        using (writer.Block($"if ({body.Name} is not null)"))
        {
            Parts();
        }
    }

    /// <summary>The statement that writes one member of a form.</summary>
    private static string WritePart(FormPartModel part, string access, string ns, Dictionary<string, string> typeInfos)
    {
        var name = CSharp.Literal(part.WireName);
        var contentType = part.ContentType is { } given ? ", " + CSharp.Literal(given) : string.Empty;
        var style = part.Style is { } named ? $"{CSharp.Infrastructure}.ParameterStyle.{named}" : $"{CSharp.Infrastructure}.ParameterStyle.Form";
        var explode = part.Explode ? "true" : "false";
        switch (part.Kind)
        {
            case FormPartKind.File:
                return $"form.{(part.Type.Kind == TypeKind.Array ? "Files" : "File")}({name}, {access}{contentType});";
            case FormPartKind.Json:
                var info = typeInfos[part.Type.Key];
                return $"form.{(part.IsNullable && part.Type.IsValueType ? "JsonValue" : "Json")}({name}, {access}, {info}{contentType});";
            case FormPartKind.Object or FormPartKind.Map:
                var pairs = Pairs(part.Kind == FormPartKind.Map, part.Type, part.Members, access, part.IsNullable);
                return $"form.Pairs({name}, {pairs}, {style}, {explode});";
            default:
                var text = Format(part.Type, access, part.IsNullable);
                return part.Type.Kind == TypeKind.Array
                    ? $"form.Texts({name}, {text}, {style}, {explode}{contentType});"
                    : $"form.Text({name}, {text}{contentType});";
        }
    }

    /// <summary>The statement that puts one parameter on the request, in its location and style.</summary>
    private static string SendParameter(ParameterModel parameter, string ns, Dictionary<string, string> typeInfos)
    {
        var name = CSharp.Literal(parameter.WireName);
        var reserved = parameter.AllowReserved && parameter.Location == ParameterLocation.Query ? ", allowReserved: true" : string.Empty;
        if (parameter.Kind is ParameterKind.Object or ParameterKind.Map)
        {
            var call = parameter.Location switch
            {
                ParameterLocation.Path => "PathObject",
                ParameterLocation.Header => "HeaderObject",
                ParameterLocation.Cookie => "CookieObject",
                _ => "QueryObject",
            };
            var explode = parameter.Explode ? "true" : "false";
            var style = parameter.Location is ParameterLocation.Query or ParameterLocation.Path ? $"{CSharp.Infrastructure}.ParameterStyle.{parameter.Style}, " : string.Empty;
            return $"apiRequest.{call}({name}, {Pairs(parameter, ns)}, {style}{explode}{reserved});";
        }

        var method = parameter.Location switch
        {
            ParameterLocation.Path => "PathParameter",
            ParameterLocation.Header => "Header",
            ParameterLocation.Cookie => "Cookie",
            // A content parameter is one JSON text, whatever its type.
            _ => parameter.Type.Kind == TypeKind.Array && parameter.Kind != ParameterKind.Json ? "QueryValues" : "Query",
        };
        var value = parameter.Kind == ParameterKind.Json ? JsonText(parameter, ns, typeInfos) : Format(parameter, ns);
        var extra = parameter.Delimiter is { } joined ? ", " + CSharp.Literal(joined)
            : parameter.Style is { } pathStyle ? $", {CSharp.Infrastructure}.ParameterStyle.{pathStyle}, {(parameter.Explode ? "true" : "false")}"
            : string.Empty;
        return $"apiRequest.{method}({name}, {value}{extra}{reserved});";
    }

    /// <summary>A content-typed parameter's value written as JSON text (null when an optional one is not given).</summary>
    private static string JsonText(ParameterModel parameter, string ns, Dictionary<string, string> typeInfos)
    {
        var info = typeInfos[parameter.Type.Key];
        var optional = parameter.IsOptional;
        return optional && parameter.Type.IsValueType
            ? $"({parameter.Name} is null ? null : {CSharp.Infrastructure}.JsonWrite.Text({parameter.Name}.Value, {info}))"
            : $"{CSharp.Infrastructure}.JsonWrite.Text({parameter.Name}, {info})";
    }

    /// <summary>
    /// An object parameter's pairs: each record member the spec lists, as text (a list comma-joined;
    /// a member that is not set is left out by the runtime), or a dictionary's entries; null when it is not given.
    /// </summary>
    private static string Pairs(ParameterModel parameter, string ns) =>
        Pairs(parameter.Kind == ParameterKind.Map, parameter.Type, parameter.Members, parameter.Name, parameter.IsOptional);

    private static string Pairs(bool isMap, TypeRef type, EquatableArray<ParameterMemberModel> members, string access, bool nullable)
    {
        const string Pair = "global::System.Collections.Generic.KeyValuePair<string, string?>";
        string pairs;
        if (isMap)
        {
            var text = Format(type.Item!, "entry.Value", nullable: false);
            pairs = $"global::System.Linq.Enumerable.Select({access}, entry => new {Pair}(entry.Key, {text}))";
        }
        else
        {
            var texts = members.Select(m => $"new({CSharp.Literal(m.WireName)}, {MemberText(m, access + "." + m.Property)})");
            pairs = $"new {Pair}[] {{ {string.Join(", ", texts)} }}";
        }

        return nullable ? $"({access} is null ? null : {pairs})" : pairs;
    }

    /// <summary>A member of an object parameter as text: a list's items comma-joined.</summary>
    private static string MemberText(ParameterMemberModel member, string access)
    {
        if (member.Type.Kind != TypeKind.Array)
        {
            return Format(member.Type, access, member.IsNullable);
        }

        var text = Format(member.Type, access, nullable: false);
        return member.IsNullable ? $"({access} is null ? null : string.Join(\",\", {text}))" : $"string.Join(\",\", {text})";
    }

    /// <summary>The parameter's value as the string (or strings) that go on the wire.</summary>
    private static string Format(ParameterModel parameter, string ns) =>
        Format(parameter.Type, parameter.Name, parameter.IsOptional);

    /// <summary>A value as its wire text; a list as its items' texts (null when a nullable list is).</summary>
    private static string Format(TypeRef type, string expression, bool nullable)
    {
        if (type.Kind != TypeKind.Array)
        {
            return TextOf(type, expression, nullable);
        }

        var item = TextOf(type.Item!, "item", nullable: false);
        if (item == "item")
        {
            return expression;
        }

        var select = $"global::System.Linq.Enumerable.Select({expression}, item => {item})";
        return nullable ? $"({expression} is null ? null : {select})" : select;
    }

    private static string TextOf(TypeRef type, string expression, bool nullable)
    {
        var access = nullable ? expression + "?" : expression;
        return type.Scalar?.Text switch
        {
            ScalarText.AsIs => expression,
            ScalarText.Boolean => nullable ? $"({expression} is null ? null : {expression}.Value ? \"true\" : \"false\")" : $"({expression} ? \"true\" : \"false\")",
            ScalarText.Invariant => $"{access}.ToString(global::System.Globalization.CultureInfo.InvariantCulture)",
            ScalarText.Format => nullable
                ? $"({expression} is null ? null : {CSharp.Infrastructure}.ApiText.{type.Scalar.JsonStep}({expression}{(type.IsValueType ? ".Value" : string.Empty)}))"
                : $"{CSharp.Infrastructure}.ApiText.{type.Scalar.JsonStep}({expression})",
            // An enum's ToString is its wire text (a string enum's string, an integer enum's invariant number).
            _ when type.Kind == TypeKind.Named && type.IsValueType => $"{access}.ToString()",
            _ => $"{access}.ToString()",
        };
    }
}
