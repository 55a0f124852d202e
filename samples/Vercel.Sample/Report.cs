using System.Text.Json;
using Vercel;

namespace Vercel.Sample;

/// <summary>Prints the workflow for a person: a heading per step, small tables, the created stores.</summary>
internal sealed class Report(TextWriter output)
{
    public void Step(string title)
    {
        output.WriteLine();
        output.WriteLine(title);
        output.WriteLine(new string('-', title.Length));
    }

    public void Table(string[] headers, IReadOnlyList<string[]> rows)
    {
        var widths = headers.Select((h, i) => Math.Max(h.Length, rows.Count == 0 ? 0 : rows.Max(r => r[i].Length))).ToArray();
        output.WriteLine(string.Join("  ", headers.Select((h, i) => h.PadRight(widths[i]))).TrimEnd());
        foreach (var row in rows)
        {
            output.WriteLine(string.Join("  ", row.Select((cell, i) => cell.PadRight(widths[i]))).TrimEnd());
        }

        if (rows.Count == 0)
        {
            output.WriteLine("(none)");
        }
    }

    public void StoreSummary(Store store)
    {
        var id = store.AdditionalProperties is { } extra && extra.TryGetValue("id", out var value) && value.ValueKind == JsonValueKind.String
            ? value.GetString()
            : "(no id)";
        output.WriteLine($"Created store {id}");
        output.WriteLine($"  status:  {store.Status?.Value ?? "unknown"}");
        output.WriteLine($"  product: {store.Product.Name ?? store.Product.Slug}");
        output.WriteLine($"  plan:    {store.BillingPlan?.Name ?? "-"} ({store.BillingPlan?.Id ?? "-"}, {store.BillingPlan?.Cost ?? "-"})");
        output.WriteLine($"  secrets: {string.Join(", ", store.Secrets.Select(s => $"{s.Name} ({s.Length} chars)"))}");
        if (store.Product.MetadataSchema is { } schema)
        {
            output.WriteLine("  metadata controls:");
            foreach (var (field, control) in schema.Properties.OrderBy(p => p.Key, StringComparer.Ordinal))
            {
                output.WriteLine($"    {field,-18} {Describe(control)}");
            }
        }
    }

    /// <summary>One line per control: the union is switched over exhaustively.</summary>
    private static string Describe(MetadataControl control) => control switch
    {
        MetadataControl.StringInput { Value: var input } => $"text input      {input.UiLabel}",
        MetadataControl.NumberInput { Value: var number } => $"number input    {number.UiLabel} (min {number.Minimum}, max {number.Maximum})",
        MetadataControl.BooleanToggle { Value: var toggle } => $"toggle          {toggle.UiLabel}",
        MetadataControl.NumberSlider { Value: var slider } => $"slider          {slider.UiLabel}",
        MetadataControl.StringSelect { Value: var select } => $"select          {select.UiLabel} ({select.UiOptions.Count} options)",
        MetadataControl.StringMultiSelect { Value: var multi } => $"multi-select    {multi.UiLabel}",
        MetadataControl.VercelRegion { Value: var region } => $"region          {region.UiLabel}",
        MetadataControl.Domain { Value: var domain } => $"domain          {domain.UiLabel}",
        MetadataControl.BrandedValue => "opaque value",
        MetadataControl.Unknown { Json: var json } => $"unknown control {json.GetRawText()}",
        _ => throw new System.Diagnostics.UnreachableException(),
    };
}
