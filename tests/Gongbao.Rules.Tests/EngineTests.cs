using Gongbao.Rules.Engine;

namespace Gongbao.Rules.Tests;

/// <summary>The engine's legal semantics: comparison words, working days, dated parameters.</summary>
public class EngineTests
{
    [Theory(DisplayName = "以上/以下/以内/(含)/不超过 include the number; 超过/不足/低于 exclude it")]
    [InlineData("800 分及以上", 800, 800, true)]
    [InlineData("800 分及以上", 800, 799, false)]
    [InlineData("60 分以下", 60, 60, true)]
    [InlineData("5个工作日以内", 5, 5, true)]
    [InlineData("1 亿元(含)—5 亿元", 1, 1, true)]
    [InlineData("不超过约束值", 100, 100, true)]
    [InlineData("超过 10 万元", 10, 10, false)]
    [InlineData("超过 10 万元", 10, 10.01, true)]
    [InlineData("不足 50 小时", 50, 50, false)]
    [InlineData("低于补助标准", 5, 5, false)]
    [InlineData("不得少于两名人员", 2, 2, true)]
    [InlineData("满八周岁", 8, 8, true)]
    [InlineData("合格率大于或等于85%", 85, 85, true)]
    [InlineData("合格率大于或等于85%", 85, 84.99, false)]
    [InlineData("小于或等于3人", 3, 3, true)]
    public void ComparisonWords(string printed, decimal threshold, decimal value, bool holds) =>
        Assert.Equal(holds, LegalComparison.Holds(value, printed, threshold));

    [Fact(DisplayName = "A phrase without a comparison word is rejected, not guessed")]
    public void NoComparisonWord() => Assert.Throws<ArgumentException>(() => LegalComparison.Parse("800 分"));

    [Fact(DisplayName = "Working days: weekends and 2024–2025 holidays skipped, make-up Saturdays/Sundays count; other years flagged")]
    public void WorkingDays()
    {
        var c = WorkingDayCalendar.ChinaMainland;
        Assert.False(c.IsWorkingDay(new DateOnly(2025, 10, 8)));  // 国庆中秋
        Assert.True(c.IsWorkingDay(new DateOnly(2025, 9, 28)));   // Sunday make-up day
        Assert.Equal(new DateOnly(2025, 5, 7), c.AddWorkingDays(new DateOnly(2025, 4, 30), 2)); // 5-1..5-5 off
        Assert.Equal([2026], c.UnconfiguredYears(new DateOnly(2025, 12, 30), new DateOnly(2026, 1, 5)));
        var extended = c.With([new DateOnly(2026, 1, 1)], [], [2026], "test");
        Assert.False(extended.IsWorkingDay(new DateOnly(2026, 1, 1)));
    }

    [Fact(DisplayName = "Dated parameters: the value in force on the evaluation date")]
    public void DatedValues()
    {
        var p = new Parameter("rate", "费率", "元",
        [
            new DatedValue(new DateOnly(2024, 1, 1), 100, new Citation("x/art-1", "100元")),
            new DatedValue(new DateOnly(2025, 1, 1), 120, new Citation("y/art-1", "120元")),
        ]);
        Assert.Equal(100m, p.At(new DateOnly(2024, 12, 31)).Value);
        Assert.Equal(120m, p.At(new DateOnly(2025, 1, 1)).Value);
        Assert.Equal("y/art-1", p.At(new DateOnly(2030, 1, 1)).Source.ProvisionId);
    }
}
