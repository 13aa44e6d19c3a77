using System.Globalization;

using Gongbao.Rules.Engine;

namespace Gongbao.Rules.Schemes;

/// <summary>
/// 北京市公共建筑能效分级管理办法, 京建法〔2024〕12号 第十条: each district (经开区 included) randomly checks 5% of
/// the grading of its large public buildings by the end of September every year, and the municipal commission
/// checks the districts by the end of November. A district's duty, so a scheme of its own beside the owner's grading.
/// </summary>
public sealed class EnergySpotCheckScheme : Scheme
{
    public override string Id => "energy-spot-check";

    public override string Title => "大型公共建筑能效分级随机抽查";

    public override string DocumentId => "jingjianfa-2024-12";

    public override string DocumentNumber => "京建法〔2024〕12号";

    public override string SourceFile => "2025-12.txt";

    public override string Decides => "how many large public buildings a district must spot-check (5%) and by when; whether a check meets both";

    public override InputSchema Inputs { get; } = new(
    [
        new InputField { Name = "largeBuildings", Label = "辖区内大型公共建筑数量(单体建筑面积超过20000平方米)", Type = InputType.Integer, Required = true, Min = 0, Max = 1_000_000, Unit = "栋" },
        new InputField { Name = "year", Label = "抽查年度", Type = InputType.Integer, Min = 2025, Max = 2100, Unit = "年", Help = "不填为评估日期所在年度" },
        new InputField { Name = "checkedBuildings", Label = "已抽查数量", Type = InputType.Integer, Min = 0, Max = 1_000_000, Unit = "栋" },
        new InputField { Name = "checkCompletedOn", Label = "抽查完成日期", Type = InputType.Date },
    ]);

    protected override IEnumerable<InputError> Check(ValidatedInputs inputs)
    {
        if (inputs.Has("checkedBuildings") && inputs.Has("largeBuildings") && inputs.Number("checkedBuildings") > inputs.Number("largeBuildings"))
        {
            yield return new InputError("checkedBuildings", "exceeds largeBuildings", InputError.Conflict);
        }
    }

    protected override void Compute(Evaluation ev)
    {
        decimal minimum;
        using (var s = ev.Open("随机抽查数量(第十条第一款)"))
        {
            ev.P("large-area");
            var n = ev.Number("largeBuildings");
            var share = ev.P("spot-check-share");
            minimum = Math.Ceiling(n * share / 100m);
            ev.Step($"抽查数量 = ⌈{TraceStep.Format(n)} × {TraceStep.Format(share)}%⌉", minimum, "栋");
            s.Result(minimum);
        }

        var year = ev.In.Has("year") ? (int)ev.Number("year") : ev.AsOf.Year;
        var deadline = EndOfMonth(year, (int)ev.P("spot-check-month"));
        ev.Step($"区级抽查完成期限 = {year}年{deadline.Month}月底", deadline);
        var municipal = EndOfMonth(year, (int)ev.P("municipal-check-month"));
        ev.Step($"市住房城乡建设委检查指导期限 = {year}年{municipal.Month}月底", municipal);
        ev.Output("minimumChecks", minimum);
        ev.Output("deadline", deadline.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        ev.Output("municipalCheckDeadline", municipal.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));

        if (ev.In.Has("checkedBuildings"))
        {
            var enough = ev.Number("checkedBuildings") >= minimum;
            ev.Step($"已抽查 {TraceStep.Format(ev.In.Number("checkedBuildings"))} ≥ {TraceStep.Format(minimum)}", enough);
            ev.Output("enoughChecked", enough);
        }

        if (ev.In.DateOrNull("checkCompletedOn") is { } done)
        {
            ev.ShowInput("checkCompletedOn");
            var onTime = done <= deadline;
            ev.Step($"完成日期 {TraceStep.Format(done)} ≤ {TraceStep.Format(deadline)}", onTime);
            ev.Output("onTime", onTime);
        }
    }

    private static DateOnly EndOfMonth(int year, int month) => new(year, month, DateTime.DaysInMonth(year, month));
}
