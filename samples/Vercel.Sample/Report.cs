using System.Text.Json;

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

    /// <summary>One line per control: the union is switched over case by case, each with its own members.</summary>
    private static string Describe(MetadataControl control) => control switch
    {
        MetadataControl.StringInput { Value: var c } => $"text input    {c.UiLabel}{Default(c.Default)}",
        MetadataControl.NumberInput { Value: var c } => $"number input  {c.UiLabel} ({c.Minimum ?? c.ExclusiveMinimum}..{c.Maximum ?? c.ExclusiveMaximum}){Default(c.Default)}",
        MetadataControl.BooleanToggle { Value: var c } => $"toggle        {c.UiLabel}{Default(c.Default)}",
        MetadataControl.NumberSlider { Value: var c } => $"slider        {c.UiLabel} (steps {string.Join(", ", c.UiSteps)})",
        MetadataControl.StringSelect { Value: var c } => $"select        {c.UiLabel}: {string.Join(" | ", c.UiOptions.Select(o => o.Value))}{Default(c.Default)}",
        MetadataControl.StringMultiSelect { Value: var c } => $"multi-select  {c.UiLabel}: {string.Join(" | ", c.UiOptions.Select(o => o.Value))}",
        MetadataControl.VercelRegion { Value: var c } => $"region        {c.UiLabel}{Default(c.Default)}",
        MetadataControl.Domain { Value: var c } => $"domain        {c.UiLabel}",
        MetadataControl.BrandedValue => "opaque value",
        MetadataControl.Unknown { Json: var json } => $"unknown control {json.GetRawText()}",
        _ => throw new System.Diagnostics.UnreachableException(),
    };

    private static string Default(object? value) => value is null ? "" : $" (default {value})";
}
