using System.Text;

using Gongbao.Parsing;

namespace Gongbao.Cli.Tests;

/// <summary>The scheme commands: schemes, explain, eval (tree with provision IDs, field-named errors).</summary>
public sealed class SchemeCommandTests : IDisposable
{
    private readonly CliHarness _cli = new();

    [Fact(DisplayName = "schemes lists every scheme with its parameter count")]
    public void SchemesListed()
    {
        var run = _cli.Run("schemes");
        Assert.Equal(0, run.ExitCode);
        Assert.Contains("credit-evaluation", run.Out, StringComparison.Ordinal);
        Assert.Contains("京建法〔2024〕12号", run.Out, StringComparison.Ordinal);
        Assert.Contains(" parameters.", run.Out, StringComparison.Ordinal);
    }

    [Fact(DisplayName = "explain shows parameters with values and cited provisions")]
    public void ExplainShowsProvisions()
    {
        var run = _cli.Run("explain", "credit-evaluation");
        Assert.Equal(0, run.ExitCode);
        Assert.Contains("jingguizifa-2024-122/art-13", run.Out, StringComparison.Ordinal);
        Assert.Contains("800 分及以上", run.Out, StringComparison.Ordinal);
        Assert.Equal(3, _cli.Run("explain", "nope").ExitCode);
    }

    [Fact(DisplayName = "eval prints the result and a trace tree citing provisions; bad input names the field")]
    public void EvalPrintsTrace()
    {
        var good = _cli.Input("case.json", Encoding.UTF8.GetBytes(
            """{"nationalGrade":"good","commonBonus":50,"commonDeduction":0,"industryBonus":100,"industryDeduction":0}"""));
        var run = _cli.Run("eval", "credit-evaluation", "--input", good, "--as-of", "2024-09-01");
        Assert.Equal(0, run.ExitCode);
        Assert.Contains("800", run.Out, StringComparison.Ordinal);
        Assert.Contains("jingguizifa-2024-122/art-14/item-1/para-1", run.Out, StringComparison.Ordinal);
        Assert.Contains("└──", run.Out, StringComparison.Ordinal);

        var bad = _cli.Input("bad.json", Encoding.UTF8.GetBytes("""{"nationalGrade":"good","commonBonus":51}"""));
        var failed = _cli.Run("eval", "credit-evaluation", "--input", bad, "--as-of", "2024-09-01");
        Assert.Equal(1, failed.ExitCode);
        Assert.Contains("commonBonus: 51 is out of range", failed.Err, StringComparison.Ordinal);
        Assert.Contains("industryDeduction: required", failed.Err, StringComparison.Ordinal);

        var json = _cli.Run("eval", "credit-evaluation", "--input", good, "--json", "--as-of", "2024-09-01");
        Assert.Contains("\"grade\": \"A\"", json.Out, StringComparison.Ordinal);
    }

    [Fact(DisplayName = "eval (human-readable) labels outputs from the scheme data: Chinese labels, units, 是/否 and value labels; --json keeps the keys")]
    public void EvalUsesOutputLabels()
    {
        var good = _cli.Input("case.json", Encoding.UTF8.GetBytes(
            """{"nationalGrade":"good","commonBonus":50,"commonDeduction":0,"industryBonus":100,"industryDeduction":0}"""));
        var run = _cli.Run("eval", "credit-evaluation", "--input", good, "--as-of", "2024-09-01");
        Assert.Equal(0, run.ExitCode);
        var table = run.Out[..run.Out.IndexOf("└──", StringComparison.Ordinal)]; // the outputs table, before the trace tree
        Assert.Matches(@"初始评分\s*│\s*\S.*分", table);
        Assert.Matches(@"是否触发熔断\s*│\s*否", table);
        Assert.DoesNotContain("initialScore", table, StringComparison.Ordinal);
        Assert.DoesNotContain("fused", table, StringComparison.Ordinal);
        Assert.DoesNotContain("false", table, StringComparison.Ordinal);

        var json = _cli.Run("eval", "credit-evaluation", "--input", good, "--json", "--as-of", "2024-09-01");
        Assert.Contains("\"initialScore\":", json.Out, StringComparison.Ordinal);
        Assert.Contains("\"fused\": false", json.Out, StringComparison.Ordinal);

        // Value labels: the risk level code "high" is shown as 高风险.
        var guardianship = _cli.Input("g.json", Encoding.UTF8.GetBytes(
            """{"findings":["diet","school-bullying","guardian-criminal-record"],"minorAge":10,"minorFemale":false}"""));
        var risk = _cli.Run("eval", "guardianship-assessment", "--input", guardianship, "--as-of", "2025-06-30");
        Assert.Equal(0, risk.ExitCode);
        Assert.Matches(@"最高风险等级\s*│\s*高风险", risk.Out);
    }

    [Fact(DisplayName = "eval: --as-of is required; a repeated key or 1e30 is a clear input error, not an unexpected one")]
    public void EvalRejectsAmbiguousInput()
    {
        var good = _cli.Input("case.json", Encoding.UTF8.GetBytes("""{"weight":1.5}"""));
        var noDate = _cli.Run("eval", "drg-payment", "--input", good);
        Assert.Equal(2, noDate.ExitCode);
        Assert.Contains("--as-of", noDate.Err, StringComparison.Ordinal);

        var duplicate = _cli.Input("dup.json", Encoding.UTF8.GetBytes("""{"weight":1.5,"weight":2}"""));
        var dup = _cli.Run("eval", "drg-payment", "--input", duplicate, "--as-of", "2025-06-30");
        Assert.Equal(1, dup.ExitCode);
        Assert.Contains("weight", dup.Err, StringComparison.Ordinal);
        Assert.DoesNotContain("unexpected", dup.Err, StringComparison.Ordinal);

        var huge = _cli.Input("huge.json", Encoding.UTF8.GetBytes("""{"weight":1e30}"""));
        var big = _cli.Run("eval", "drg-payment", "--input", huge, "--as-of", "2025-06-30");
        Assert.Equal(1, big.ExitCode);
        Assert.Contains("out of range", big.Err, StringComparison.Ordinal);

        var early = _cli.Run("eval", "drg-payment", "--input", good, "--as-of", "2024-12-31");
        Assert.Equal(1, early.ExitCode);
        Assert.Contains("asOf", early.Err, StringComparison.Ordinal);
    }

    [Fact(DisplayName = "match: example profile → ranked measures with reasons; batch reports throughput; units lists modelled and unmodelled")]
    public void MatchAndUnits()
    {
        var profile = _cli.Input("kg.json", Encoding.UTF8.GetBytes(
            """{"name":"幼儿园","entityType":"kindergarten","ownership":"private","area":"经开区","tags":["普惠性"],"plans":{"children":10}}"""));
        var run = _cli.Run("match", "--profile", profile, "--as-of", "2025-06-30", "--json");
        Assert.Equal(0, run.ExitCode);
        Assert.Contains("\"status\": \"applies\"", run.Out, StringComparison.Ordinal);
        Assert.Contains("216000", run.Out, StringComparison.Ordinal);

        var csv = _cli.Input("p.csv", Encoding.UTF8.GetBytes("name,entityType,area,tags\na,kindergarten,经开区,普惠性\nb,enterprise,北京市,\n"));
        var batch = _cli.Run("match", "--batch", csv, "--as-of", "2025-06-30");
        Assert.Equal(0, batch.ExitCode);
        Assert.Contains("profiles/min", batch.Out, StringComparison.Ordinal);

        var units = _cli.Run("units", SampleGazettes.File("2025-12.txt"), "--document", "jingrenshebifa-2024-16", "--json");
        Assert.Equal(0, units.ExitCode);
        Assert.Contains("job-expansion-subsidy/per-hire", units.Out, StringComparison.Ordinal);
    }

    public void Dispose() => _cli.Dispose();
}
