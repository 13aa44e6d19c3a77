using Gongbao.Rules.Engine;
using Gongbao.Rules.Schemes;

using static Gongbao.Rules.Tests.CaseInput;

namespace Gongbao.Rules.Tests;

/// <summary>Schemes run from their data files: dated values, scales, worked cases kept as data.</summary>
public class SchemeDataTests
{
    private static string EmbeddedYaml(string id)
    {
        using var stream = typeof(SchemeDataLoader).Assembly.GetManifestResourceStream($"Gongbao.Rules.Data.{id}.yaml")!;
        return new StreamReader(stream).ReadToEnd();
    }

    [Fact(DisplayName = "Every scheme has a data file; every parameter is in data (none declared in C#)")]
    public void EverySchemeRunsFromData()
    {
        foreach (var s in SchemeRegistry.All)
        {
            var file = SchemeDataLoader.Parse(EmbeddedYaml(s.Id), s.Id);
            Assert.Equal(s.Parameters.Count, file.Parameters.Count);
            Assert.Equal(s.Clauses.Count, file.Clauses.Count);
        }

        Assert.True(SchemeRegistry.All.Sum(s => s.Parameters.Count) >= 200);
    }

    [Fact(DisplayName = "A new dated value in the data changes results only from its date")]
    public void NewDatedValueAppliesFromItsDate()
    {
        var original = new JobExpansionSubsidyScheme();
        var file = SchemeDataLoader.Parse(EmbeddedYaml(original.Id), original.Id);
        var perHire = file.Parameters.Single(p => p.Name == "per-hire");
        perHire.Values.Add(new ValueEntry { From = "2025-07-01", Value = 1500, Provision = perHire.Values[0].Provision, Quote = "test: next standard" });
        var edited = original.WithData(file);
        const string hires = """{"graduateHires":2,"youthHires":1,"insuranceMonths":3,"laborContract":true}""";

        Assert.Equal(3000m, Run(edited, hires, "2025-06-30").Number("subsidy"));
        Assert.Equal(4500m, Run(edited, hires, "2025-07-01").Number("subsidy"));
        Assert.Equal(3000m, Run(original, hires, "2025-07-01").Number("subsidy"));

        // The trace shows the value used, generated from the data (no "× 1000" baked into a label).
        Assert.Contains(Run(edited, hires, "2025-07-01").Trace.DescendantsAndSelf(), s => s.Label.Contains("× 1500", StringComparison.Ordinal));
    }

    [Fact(DisplayName = "Malformed data fails loudly: duplicate YAML key, undated value before its date")]
    public void MalformedData()
    {
        Assert.Throws<InvalidDataException>(() => SchemeDataLoader.Parse("scheme: a\nscheme: b\n", "dup"));
        var p = new Parameter("x", "x", "元", [new DatedValue(new DateOnly(2025, 1, 1), 1, new Citation("d/art-1", "1元"))]);
        Assert.Throws<NotInForceException>(() => p.At(new DateOnly(2024, 12, 31)));
    }

    [Theory(DisplayName = "第八条 scale: 1亿(含)→500+1%, 5亿(含)→1000+0.5%, 30亿(含)→5000+0.2% capped 6000; below 1亿 nothing")]
    [InlineData(9999, 0)]
    [InlineData(10000, 600)]        // 500 + 10000 × 1%
    [InlineData(50000, 1250)]       // 1000 + 50000 × 0.5%
    [InlineData(300000, 5600)]      // 5000 + 300000 × 0.2%
    [InlineData(1000000, 6000)]     // 5000 + 2000 → cap 6000
    public void IndustrialFinanceScale(decimal capital, decimal expected) =>
        Assert.Equal(expected, Run(new IndustrialFinanceScheme(), $$"""{"a8PaidInCapital":{{capital}}}""").Number("total"));

    [Fact(DisplayName = "Worked cases kept in the data files pass")]
    public void WorkedCasesPass()
    {
        var count = 0;
        foreach (var s in SchemeRegistry.All)
        {
            foreach (var c in s.Cases)
            {
                var r = Run(s, c.Input, c.AsOf);
                foreach (var (output, expected) in c.Expect)
                {
                    var actual = r.Output(output) switch
                    {
                        decimal d => d.ToString("0.####", System.Globalization.CultureInfo.InvariantCulture),
                        bool b => b ? "true" : "false",
                        var o => Convert.ToString(o, System.Globalization.CultureInfo.InvariantCulture),
                    };
                    Assert.True(expected == actual, $"{s.Id} case '{c.Name}': {output} = {actual}, expected {expected}");
                }

                Assert.Contains(Cited(r), id => id.StartsWith(s.Provision(c.Checks), StringComparison.Ordinal));
                count++;
            }
        }

        Assert.True(count >= SchemeRegistry.All.Count, $"only {count} worked cases in data");
    }

    [Fact(DisplayName = "Every output a worked case produces has a Chinese label in the data (no raw keys like initialScore in the reader)")]
    public void EveryOutputIsLabelled()
    {
        var missing = new List<string>();
        foreach (var s in SchemeRegistry.All)
        {
            var labelled = s.OutputLabels.ToDictionary(o => o.Name);
            foreach (var c in s.Cases)
            {
                foreach (var (name, _) in Run(s, c.Input, c.AsOf).Outputs)
                {
                    if (!labelled.TryGetValue(name, out var o) || !o.Label.Any(ch => ch >= '\u4e00' && ch <= '\u9fff'))
                    {
                        missing.Add($"{s.Id}.{name}");
                    }
                }
            }
        }

        Assert.True(missing.Count == 0, "unlabelled outputs: " + string.Join(", ", missing.Distinct()));
    }
}
