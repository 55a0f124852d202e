using Specgen.Generator.Common;
using Specgen.Generator.Emitting;
using Xunit;

namespace Specgen.Tests;

/// <summary>
/// A spec description's Markdown as XML doc comments (MarkdownDocs, written by DocComments): the common block and
/// inline forms, and hostile text that must stay escaped text inside the comment.
/// </summary>
public class DocCommentTests
{
    private static string Written(Action<SourceWriter> write)
    {
        var writer = new SourceWriter();
        write(writer);
        return writer.ToString();
    }

    private static string[] Summary(string text) => Written(writer => DocComments.Summary(writer, text)).TrimEnd('\n').Split('\n');

    [Fact]
    public void A_short_line_stays_one_summary_line()
    {
        Assert.Equal(["/// <summary>Lists the pets.</summary>"], Summary("Lists the pets."));
    }

    [Fact]
    public void A_bullet_list_after_a_paragraph_line_is_a_list()
    {
        Assert.Equal(
            [
                "/// <summary>",
                "/// <para>Kinds:</para>",
                "/// <list type=\"bullet\">",
                "/// <item><description>cats</description></item>",
                "/// <item><description>dogs and <b>birds</b></description></item>",
                "/// <item><description>fish, over two lines</description></item>",
                "/// </list>",
                "/// </summary>",
            ],
            Summary("Kinds:\n- cats\n* dogs and **birds**\n+ fish,\n  over two lines"));
    }

    [Fact]
    public void A_numbered_list_is_a_numbered_list_and_nests_a_bullet_list()
    {
        Assert.Equal(
            [
                "/// <summary>",
                "/// <list type=\"number\">",
                "/// <item><description>Validate</description></item>",
                "/// <item><description>",
                "/// <para>Provision</para>",
                "/// <list type=\"bullet\">",
                "/// <item><description>free</description></item>",
                "/// </list>",
                "/// </description></item>",
                "/// <item><description>Return</description></item>",
                "/// </list>",
                "/// </summary>",
            ],
            Summary("1. Validate\n2) Provision\n   - free\n3. Return"));
    }

    [Fact]
    public void A_wrapped_year_is_not_a_list()
    {
        Assert.Equal(["/// <summary>Introduced in 2019. Kept since.</summary>"], Summary("Introduced in\n2019. Kept since."));
    }

    [Fact]
    public void Inline_code_emphasis_and_links_become_their_tags()
    {
        Assert.Equal(
            ["/// <summary>Set <c>teamId</c> (<i>not</i> <i>slug</i>), <see href=\"https://vercel.com/?a=1&amp;b=2\">docs</see>.</summary>"],
            Summary("Set `teamId` (*not* _slug_), [docs](https://vercel.com/?a=1&b=2 \"Vercel\")."));
    }

    [Fact]
    public void Snake_case_and_lone_stars_are_text()
    {
        Assert.Equal(["/// <summary>Use billing_plan_id or _id, 2 * 3 * 4 or a*.</summary>"], Summary("Use billing_plan_id or _id, 2 * 3 * 4 or a*."));
        Assert.Equal(["/// <summary>A <b>bold</b> and <i>em</i> word_with_under_scores.</summary>"], Summary("A __bold__ and _em_ word_with_under_scores."));
    }

    [Fact]
    public void A_bare_url_is_a_see_href_without_the_sentence_s_punctuation()
    {
        Assert.Equal(
            [
                "/// <summary>",
                "/// Read <see href=\"https://example.com/a_(b)\"/> and <see href=\"https://example.com/x\"/>. Or",
                "/// (<see href=\"http://example.com/y\"/>), or https://.",
                "/// </summary>",
            ],
            Summary("Read https://example.com/a_(b) and https://example.com/x. Or (http://example.com/y), or https://."));
    }

    [Fact]
    public void A_code_fence_keeps_its_lines_and_indentation()
    {
        Assert.Equal(
            [
                "/// <summary>",
                "/// <para>For example:</para>",
                "/// <code>",
                "/// if (a &lt; b)",
                "///",
                "///     return &quot;x&quot;;",
                "/// </code>",
                "/// </summary>",
            ],
            Summary("For example:\n```csharp\nif (a < b)\n\n    return \"x\";\n```"));
    }

    [Fact]
    public void An_indented_block_after_a_blank_line_is_code()
    {
        Assert.Equal(
            ["/// <summary>", "/// <para>Send:</para>", "/// <code>", "/// {&quot;a&quot;: 1}", "/// </code>", "/// </summary>"],
            Summary("Send:\n\n    {\"a\": 1}"));
    }

    [Fact]
    public void Headings_and_paragraphs_are_paras()
    {
        Assert.Equal(
            [
                "/// <summary>",
                "/// <para>Creates a store.</para>",
                "/// <para><b>How it works</b></para>",
                "/// <para>It validates the configuration and provisions the store.</para>",
                "/// <para><b>Limits</b></para>",
                "/// </summary>",
            ],
            Summary("Creates a store.\n\n## How it works ##\nIt validates\nthe configuration and provisions the store.\n\nLimits\n------"));
    }

    [Fact]
    public void A_long_paragraph_wraps_at_spaces_of_its_text_only()
    {
        var text = string.Join(" ", Enumerable.Repeat("word", 24)) + " [a link](https://example.com/" + new string('p', 20) + ") end";
        var lines = Summary(text);

        Assert.Equal("/// <summary>", lines[0]);
        Assert.Equal("/// " + string.Join(" ", Enumerable.Repeat("word", 20)), lines[1]);
        Assert.Equal($"/// word word word word <see href=\"https://example.com/{new string('p', 20)}\">a link</see> end", lines[2]);
        Assert.Equal("/// </summary>", lines[3]);
    }

    [Fact]
    public void An_undocumented_parameter_has_no_param_tag()
    {
        var written = Written(writer =>
        {
            DocComments.Param(writer, "@event", null);
            DocComments.Param(writer, "@short", "The `short` form.");
        });

        Assert.Equal("/// <param name=\"short\">The <c>short</c> form.</param>\n", written);
    }

    [Theory]
    [InlineData("404", "NotFoundException")]
    [InlineData("422", "BadRequestException")]
    [InlineData("429", "RateLimitedException")]
    [InlineData("503", "ServerErrorException")]
    [InlineData("5XX", "ServerErrorException")]
    [InlineData("4XX", "ApiException")]
    [InlineData("default", "ApiException")]
    public void An_error_status_names_the_exception_the_runtime_throws(string status, string type)
    {
        Assert.Equal(type, DocComments.ExceptionType(status));
        Assert.Equal($"/// <exception cref=\"global::Specgen.Runtime.{type}\">{status}</exception>\n", Written(writer => DocComments.Exception(writer, status, null)));
    }

    [Fact]
    public void An_exception_s_description_follows_its_status()
    {
        Assert.Equal(
            "/// <exception cref=\"global::Specgen.Runtime.PaymentRequiredException\">402: The account was soft-blocked. A payment is <c>missing</c>.</exception>\n",
            Written(writer => DocComments.Exception(writer, "402", "The account was soft-blocked.\nA payment is `missing`.")));
    }

    [Theory]
    [InlineData("[x](https://example.com/\"onmouseover=\"alert(1))", "<see href=\"https://example.com/&quot;onmouseover=&quot;alert(1)\">x</see>")]
    [InlineData("[x](https://example.com/*/</see><script>)", "<see href=\"https://example.com/*/&lt;/see&gt;&lt;script&gt;\">x</see>")]
    [InlineData("[x](javascript:alert(1)) [y](file:///etc/passwd) [z](/relative)", "x y z")]
    [InlineData("[x](https://example.com/a\n#error b)", "x")]
    [InlineData("[x](https://exa\u2028mple.com/) <https://example.com/'a'>", "x <see href=\"https://example.com/&apos;a&apos;\"/>")]
    [InlineData("<script>alert(1)</script> <b>not bold</b> <!-- --> &amp;", "&lt;script&gt;alert(1)&lt;/script&gt; &lt;b&gt;not bold&lt;/b&gt; &lt;!-- --&gt; &amp;amp;")]
    [InlineData("`</c><code>*/` and **`</b>`**", "<c>&lt;/c&gt;&lt;code&gt;*/</c> and <b><c>&lt;/b&gt;</c></b>")]
    public void Hostile_inline_text_stays_escaped_text(string text, string expected)
    {
        Assert.Equal(["/// <summary>" + expected + "</summary>"], Summary(text));
    }

    [Fact]
    public void A_hostile_code_fence_cannot_end_the_comment_or_the_element()
    {
        var lines = Summary("```\n</code></summary>\n/// <summary>\n*/ #error\r\n}\u2028class Injected {}\u0085\u202E#pragma\u0000 warning\n```");

        Assert.Equal(
            [
                "/// <summary>",
                "/// <code>",
                "/// &lt;/code&gt;&lt;/summary&gt;",
                "/// /// &lt;summary&gt;",
                "/// */ #error",
                "/// }",
                "/// class Injected {}",
                "/// #pragma warning",
                "/// </code>",
                "/// </summary>",
            ],
            lines);
    }

    [Fact]
    public void Hostile_text_keeps_every_line_a_doc_comment()
    {
        var text = "# */\n\n- [a](https://x.test/\n#error) \u2029#error\n1. ``` \u0085 #if\n\n    \u2028#error\n\n> quote\r#endregion";
        foreach (var line in Summary(text))
        {
            Assert.StartsWith("///", line, StringComparison.Ordinal);
            Assert.DoesNotContain(line, c => c is '\r' or '\n' or '\u2028' or '\u2029' or '\u0085' or '\u0001' or '\0' or '\u202E');
            Assert.False(line.Length > 3 && line[3] != ' ', line);
        }
    }

    [Fact]
    public void Deep_nesting_and_long_runs_end()
    {
        var nested = string.Join("\n", Enumerable.Range(0, 200).Select(i => new string(' ', i * 2) + "- item"));
        var stars = string.Concat(Enumerable.Repeat("*a _b [c `d ", 20000));

        Assert.Contains("/// <list type=\"bullet\">", Summary(nested));
        Assert.All(Summary(stars), line => Assert.StartsWith("///", line, StringComparison.Ordinal));
    }
}
