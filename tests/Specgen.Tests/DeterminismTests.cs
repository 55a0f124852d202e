using System.Globalization;
using Specgen.Tests.Infrastructure;
using Xunit;

namespace Specgen.Tests;

/// <summary>The same specs give byte-identical files whatever the culture and whatever the order of the specs.</summary>
public class DeterminismTests
{
    private static SpecFile[] Specs() =>
        new[] { SpecFile.FromRepository(), CompiledSpec.Fixture("hostile.yaml"), CompiledSpec.Fixture("primitives.yaml") with { Namespace = "Primitives" } };

    [Theory]
    [InlineData("tr-TR")]
    [InlineData("de-DE")]
    [InlineData("ar-SA")]
    public void Output_does_not_depend_on_the_culture(string culture)
    {
        var invariant = Generate(CultureInfo.InvariantCulture, Specs());
        var local = Generate(CultureInfo.GetCultureInfo(culture), Specs());

        Assert.Equal(invariant.Keys, local.Keys);
        Assert.All(invariant, file => Assert.Equal(file.Value, local[file.Key]));
    }

    [Fact]
    public void Output_does_not_depend_on_the_order_of_the_specs()
    {
        var forward = Generate(CultureInfo.InvariantCulture, Specs());
        var backward = Generate(CultureInfo.InvariantCulture, Specs().Reverse().ToArray());

        Assert.Equal(forward.Keys.Order(StringComparer.Ordinal), backward.Keys.Order(StringComparer.Ordinal));
        Assert.All(forward, file => Assert.Equal(file.Value, backward[file.Key]));
    }

    [Fact]
    public void Types_and_files_come_out_in_a_stable_order()
    {
        var first = GeneratorHarness.Run(Specs()).Sources.Select(s => s.HintName).ToList();
        var second = GeneratorHarness.Run(Specs()).Sources.Select(s => s.HintName).ToList();

        Assert.Equal(first, second);
    }

    private static Dictionary<string, byte[]> Generate(CultureInfo culture, SpecFile[] specs)
    {
        var (previous, previousUi) = (CultureInfo.CurrentCulture, CultureInfo.CurrentUICulture);
        try
        {
            CultureInfo.CurrentCulture = culture;
            CultureInfo.CurrentUICulture = culture;
            var run = GeneratorHarness.Run(specs);
            Assert.Null(run.Exception);
            return run.Sources.ToDictionary(s => s.HintName, s => System.Text.Encoding.UTF8.GetBytes(s.SourceText.ToString()));
        }
        finally
        {
            CultureInfo.CurrentCulture = previous;
            CultureInfo.CurrentUICulture = previousUi;
        }
    }
}
