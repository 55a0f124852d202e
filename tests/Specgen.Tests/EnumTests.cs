using Specgen.Runtime;
using Specgen.Tests.Infrastructure;
using Xunit;

namespace Specgen.Tests;

/// <summary>
/// String and integer enums (enums.yaml): named as the spec names them, usable in <c>case</c> labels,
/// listing their known values, and lossless for values the spec does not list.
/// </summary>
public class EnumTests
{
    private static readonly Lazy<CompiledSpec> Spec = new(() => CompiledSpec.Compile("enums.yaml"));

    [Theory]
    [InlineData("Priority", "Low:0 Medium:1 High:2")]
    [InlineData("Level", "Value1:1 Value2:2 Value3:3")]
    [InlineData("Signed", "Down:-1 Value0:0 Up:1")]
    [InlineData("Untyped", "Value10:10 Value20:20")]
    [InlineData("Status", "Active:active Paused:paused Done:done")]
    [InlineData("Color", "Red:r Green:g")]
    [InlineData("ShadeKind", "Light:light Dark:dark")]
    public void Enum_values_are_named_from_the_spec_and_listed_once_in_its_order(string type, string expected)
    {
        var known = (System.Collections.IEnumerable)Spec.Value.Type(type).GetProperty("KnownValues")!.GetValue(null)!;
        var names = Spec.Value.Type(type).GetNestedType("Values")!.GetFields().Select(f => f.Name + ":" + f.GetRawConstantValue()).ToList();

        Assert.Equal(expected, string.Join(" ", names));
        Assert.Equal(names.Count, known.Cast<object>().Count());
        Assert.All(known.Cast<object>(), value => Assert.True(((IApiEnum)value).IsKnown));
    }

    [Fact]
    public void An_integer_enum_is_a_struct_over_long_and_a_number_enum_with_fractions_stays_a_number()
    {
        Assert.Equal(typeof(long), Spec.Value.Type("Priority").GetProperty("Value")!.PropertyType);
        Assert.True(Spec.Value.Type("Priority").IsValueType);
        Assert.Equal(typeof(double?), Spec.Value.Type("Task").GetProperty("Ratio")!.PropertyType);
        var urgency = Nullable.GetUnderlyingType(Spec.Value.Type("Task").GetProperty("Urgency")!.PropertyType)!;
        Assert.True(typeof(IApiEnum).IsAssignableFrom(urgency), urgency.Name);
    }

    [Fact]
    public void Every_enum_works_in_case_labels_and_switch_expressions()
    {
        const string user = """
            namespace Fixture;
            public static class Use
            {
                public static string Say(Priority priority) { switch (priority.Value) { case Priority.Values.Low: return "low"; case Priority.Values.High: return "high"; default: return "other"; } }
                public static int Rank(Status status) => status.Value switch { Status.Values.Active => 1, Status.Values.Done => 2, _ => 0 };
                public static bool IsRed(Color color) => color is { Value: Color.Values.Red };
            }
            """;
        var run = GeneratorHarness.Run([CompiledSpec.Fixture("enums.yaml")], user);

        Assert.Empty(run.CompileDiagnostics());
    }

    [Fact]
    public void Integer_enums_read_and_write_as_numbers_and_keep_values_the_spec_does_not_list()
    {
        const string json = """{"priority":2,"level":7,"signed":-1,"untyped":20,"status":"archived","history":[0,9]}""";

        var task = Spec.Value.Read("Task", json);

        Assert.Equal(json, Spec.Value.Write("Task", task));
        Assert.Equal("High", Name(CompiledSpec.Get(task, "Priority")!));
        var level = (IApiEnum)CompiledSpec.Get(task, "Level")!;
        Assert.False(level.IsKnown);
        Assert.Equal("7", level.ToString());
        Assert.False(((IApiEnum)CompiledSpec.Get(task, "Status")!).IsKnown);
    }

    [Fact]
    public void An_integer_default_is_the_enum_value()
    {
        var task = Activator.CreateInstance(Spec.Value.Type("Task"))!;

        Assert.Equal("2", CompiledSpec.Get(task, "Urgency")!.ToString());
    }

    [Fact]
    public async Task Integer_enums_are_sent_as_numbers_in_queries_and_read_from_headers()
    {
        await using var server = await ScriptedServer.StartAsync((context, _) => ScriptedServer.Reply(context, 200, "[]", ("Content-Type", "application/json"), ("X-Priority", "1")));
        var client = Activator.CreateInstance(Spec.Value.Type("EnumsClient"), new HttpClient { BaseAddress = server.BaseAddress }, new ApiClientOptions())!;
        var high = Spec.Value.Type("Priority").GetProperty("High")!.GetValue(null);
        var paused = Spec.Value.Type("Status").GetProperty("Paused")!.GetValue(null);

        var response = await CompiledSpec.CallWithResponseAsync(client, "ListTasksAsync", high, paused, CancellationToken.None);

        Assert.Equal("/tasks?priority=2&status=paused", Assert.Single(server.Requests).PathAndQuery);
        var headers = Spec.Value.Type("ListTasksHeaders").GetMethod("From")!.Invoke(null, [response.Headers])!;
        Assert.Equal("Medium", Name(CompiledSpec.Get(headers, "XPriority")!));
    }

    [Fact]
    public void Descriptions_from_the_spec_document_the_values()
    {
        var source = Spec.Value.Run.SourceOf("Priority");

        Assert.Contains("/// <summary>When there is time.</summary>", source, StringComparison.Ordinal);
        Assert.Contains("/// <remarks>On the wire: <c>0</c>.</remarks>", source, StringComparison.Ordinal);
    }

    /// <summary>The name of the known value an enum holds.</summary>
    private static string Name(object value) =>
        value.GetType().GetProperties(System.Reflection.BindingFlags.Public | System.Reflection.BindingFlags.Static)
            .Where(p => p.PropertyType == value.GetType())
            .Single(p => p.GetValue(null)!.Equals(value)).Name;
}
