using System.Text.Json.Nodes;
using Specgen.Generator.Reading;
using Specgen.Tests.Infrastructure;
using Xunit;

namespace Specgen.Tests;

/// <summary>
/// A spec written as JSON is read by a reader of its own (YamlDotNet took a second over GitHub's 13 MB description):
/// it must give what the YAML reader gives for the same text — the same tree, numbers of the same kinds, every node
/// located at the same place, the same keys reported twice — and hand anything that is not plain JSON to the YAML
/// reader untouched.
/// </summary>
public class JsonTextReaderTests
{
    public static TheoryData<string> JsonSpecs()
    {
        var data = new TheoryData<string> { Path.Combine("tests", "Specgen.Tests", "Fixtures", Fixtures.VercelApi) };
        foreach (var path in Directory.GetFiles(Path.Combine(Repository.Root, "tests", "Compatibility", "peer-specs"), "*.json", SearchOption.AllDirectories).Order(StringComparer.Ordinal))
        {
            data.Add(Path.GetRelativePath(Repository.Root, path));
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(JsonSpecs))]
    public void A_JSON_spec_reads_as_the_YAML_reader_reads_it(string path) =>
        AssertSameAsYaml(File.ReadAllText(Path.Combine(Repository.Root, path)));

    [Theory]
    // Escapes, a surrogate pair written as two escapes, a key that needs escaping in a pointer, empty containers.
    [InlineData("{\"a\\/b~c\": \"x\\\"y\\\\z\\n\\t\\u00e9\\ud83d\\ude00\", \"e\": {}, \"f\": [], \"g\": [{}, [], [[]]]}")]
    // Numbers of every kind YAML tells apart: integers, past long, decimals, exponents; literals.
    [InlineData("[0, -1, 9223372036854775807, 9223372036854775808, 1.0, -0.5, 1e3, 2.5E-3, true, false, null]")]
    // A key given twice keeps its last value, and is reported where it is the second time.
    [InlineData("{\"a\": 1, \"b\": {\"c\": 2, \"c\": [3]}, \"a\": \"last\"}")]
    // Line breaks of every kind, tabs, and text that is not ASCII before a position.
    [InlineData("{\r\n\t\"ä\": \"ö\",\r\n  \"b\":\r\t[\n 1 ,\n\n 2 ]\n}\n")]
    public void Hand_made_JSON_reads_as_the_YAML_reader_reads_it(string text) => AssertSameAsYaml(text);

    [Fact]
    public void A_key_given_twice_deep_down_is_located_in_its_last_value_though_its_first_was_big()
    {
        // The first value of e is over a kilobyte, and so is its p1, six levels down: both were recorded. The second
        // value and its p1 are small, so nothing records them; their places must come from the text, not the first's.
        var filler = new string('x', 1100);
        AssertSameAsYaml($"{{\"a\": {{\"b\": {{\"c\": {{\"d\": {{\"e\": {{\"p1\": {{\"type\": \"string\", \"description\": \"{filler}\"}}, \"p2\": {{}}}}, \"x\": [1], \"e\": {{\"p1\": {{\"type\": [\"integer\"]}}}}}}}}}}}}}}");
    }

    [Theory]
    [InlineData("openapi: 3.1.0\ninfo: {title: t}")]
    [InlineData("{\"a\": 1,}")]
    [InlineData("{\"a\": 1} # a comment")]
    [InlineData("{\"a\": 'single'}")]
    [InlineData("{\"a\": [1, 2}")]
    [InlineData("{\"a\": NaN}")]
    [InlineData("{\"a\": 01x}")]
    [InlineData("{\"a\": \"line\u2028separator\"}")]
    [InlineData("{\"a\": \"\\x41\"}")]
    [InlineData("{\"a\": 1}\n---\n{\"b\": 2}")]
    [InlineData("")]
    // YAML takes no tab outside the root's brackets, and no escape of half a surrogate pair.
    [InlineData("\t{\"a\": 1}")]
    [InlineData("{\"a\": 1}\n\t")]
    [InlineData("{\"a\": \"\\ud800\"}")]
    [InlineData("{\"a\": \"\\udc00\"}")]
    [InlineData("{\"a\": \"\\ud800\\u0041\"}")]
    public void What_is_not_plain_JSON_is_left_to_the_YAML_reader_with_nothing_recorded(string text)
    {
        var map = new SourceMap("spec.json");
        var duplicates = new List<(string, YamlDotNet.Core.Mark)>();

        Assert.False(JsonTextReader.TryRead(text, map, duplicates, out var root));
        Assert.Null(root);
        Assert.Empty(duplicates);
        Assert.Equal(LocationInfoAtStart(), map.Locate("/a"));
    }

    [Fact]
    public void Nesting_past_the_limit_is_left_to_the_YAML_reader_which_reports_it()
    {
        var deep = new string('[', YamlReader.MaxDepth + 1) + new string(']', YamlReader.MaxDepth + 1);

        Assert.False(JsonTextReader.TryRead(deep, new SourceMap("spec.json"), [], out _));
        Assert.Throws<SpecReadException>(() => YamlReader.Read(deep, new SourceMap("spec.json")));
    }

    private static Specgen.Generator.Diagnostics.LocationInfo LocationInfoAtStart() =>
        Specgen.Generator.Diagnostics.LocationInfo.StartOf("spec.json");

    private static void AssertSameAsYaml(string text)
    {
        var yamlMap = new SourceMap("spec.json");
        var yamlDuplicates = new List<(string Key, YamlDotNet.Core.Mark At)>();
        var yaml = YamlReader.Read(text, yamlMap, yamlDuplicates);
        var jsonMap = new SourceMap("spec.json");
        var jsonDuplicates = new List<(string Key, YamlDotNet.Core.Mark At)>();

        Assert.True(JsonTextReader.TryRead(text, jsonMap, jsonDuplicates, out var json));

        // The same text (numbers keep their kind: 1.0 is a decimal, 1 a long) and the same tree.
        Assert.Equal(yaml!.ToJsonString(), json!.ToJsonString());
        Assert.True(JsonNode.DeepEquals(yaml, json));
        Assert.Equal(yamlDuplicates.Select(d => (d.Key, d.At.Index, d.At.Line, d.At.Column)), jsonDuplicates.Select(d => (d.Key, d.At.Index, d.At.Line, d.At.Column)));

        // Every node located where the YAML reader locates it (a member at its key, an item at its value), and so is
        // what the text does not have (a step past a node, an index written otherwise, a step escaped wrongly, a
        // pointer not from the root): each at the nearest node that is there, or the file's start.
        var pointers = 0;
        foreach (var pointer in Pointers(yaml, string.Empty))
        {
            Assert.Equal(yamlMap.Locate(pointer), jsonMap.Locate(pointer));
            if (pointers++ % 7 == 0)
            {
                foreach (var missing in new[] { pointer + "/nothing", pointer + "/01", pointer + "/a~2b", pointer.TrimStart('/') })
                {
                    Assert.Equal(yamlMap.Locate(missing), jsonMap.Locate(missing));
                }
            }
        }

        Assert.True(pointers > 1);
    }

    private static IEnumerable<string> Pointers(JsonNode? node, string pointer)
    {
        yield return pointer;
        var children = node switch
        {
            JsonObject obj => obj.Select(pair => (Pointer: JsonPointer.Child(pointer, pair.Key), pair.Value)),
            JsonArray array => array.Select((item, index) => (Pointer: pointer + "/" + index, Value: item)),
            _ => [],
        };

        foreach (var (child, value) in children)
        {
            foreach (var descendant in Pointers(value, child))
            {
                yield return descendant;
            }
        }
    }
}
