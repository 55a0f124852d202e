using Specgen.Compatibility;

// Runs Specgen over every spec of a corpus (fetch-corpus.sh) and writes the report.
// Usage: Specgen.Compatibility CORPUS_DIR REPORT.md
if (args.Length != 2 || !Directory.Exists(args[0]))
{
    Console.Error.WriteLine("usage: Specgen.Compatibility CORPUS_DIR REPORT.md   (run tests/Compatibility/run.sh)");
    return 2;
}

var corpus = Path.GetFullPath(args[0]);
var specs = Corpus.Specs(corpus);
var results = new List<SpecResult>();
foreach (var spec in specs)
{
    var result = SpecRun.Run(corpus, spec);
    Console.WriteLine($"{result.Outcome,-14} {result.Name}{(result.Oracle.Faked > 0 ? $"  oracle {result.Oracle.Faithful}/{result.Oracle.Faked}" : string.Empty)}");
    results.Add(result);
}

var summary = new Summary(results);
File.WriteAllText(args[1], Report.Markdown(summary, peers: File.Exists(Path.Combine(corpus, Corpus.EntriesFile))));
Console.WriteLine();
Console.WriteLine(summary.Line);
Console.WriteLine(summary.OracleLine);
Console.WriteLine($"Report written to {Path.GetFullPath(args[1])}");
return summary.Passes ? 0 : 1;
