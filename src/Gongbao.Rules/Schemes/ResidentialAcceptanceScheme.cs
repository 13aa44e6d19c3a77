using System.Globalization;

using Gongbao.Rules.Engine;

namespace Gongbao.Rules.Schemes;

/// <summary>
/// 北京市住宅工程质量分户验收和业主查验管理办法(试行), 京建法〔2024〕4号: the third-party review sample
/// (第七条第(一)项: households by project size, 单位工程 at least 2, split 1:3 between the two stages), the pass
/// rule of one home (第七条第(二)项: 合格率大于或等于85%), the public-part sample (第七条第(三)项: 20% of the
/// buildings, at least 1) and the owner inspection rules (第十三条: notice at least 7 days ahead, at most 3 persons).
/// Each part is a measure group; at least one must be given.
/// </summary>
public sealed class ResidentialAcceptanceScheme : Scheme
{
    public override string Id => "residential-acceptance";

    public override string Title => "住宅工程质量分户验收比对复核与业主查验";

    public override string DocumentId => "jingjianfa-2024-4";

    public override string DocumentNumber => "京建法〔2024〕4号";

    public override string SourceFile => "2024-31.txt";

    public override string Decides => "third-party review sample sizes, whether a home passes (85%), public-part sample, owner-inspection notice date and party size";

    public override InputSchema Inputs { get; } = new(
    [
        new InputField { Name = "households", Label = "住宅项目户数", Type = InputType.Integer, Min = 1, Max = 1_000_000, Unit = "户", Group = "sampling", Required = true },
        new InputField { Name = "unitProjects", Label = "单位工程数", Type = InputType.Integer, Min = 0, Max = 100_000, Unit = "个", Group = "sampling", Help = "每个单位工程抽查不少于2户" },
        new InputField { Name = "buildings", Label = "住宅楼栋数", Type = InputType.Integer, Min = 1, Max = 100_000, Unit = "栋", Group = "public-parts", Required = true },
        new InputField { Name = "measuredPoints", Label = "抽中住宅的实测点位数", Type = InputType.Integer, Min = 1, Max = 1_000_000, Unit = "个", Group = "home-review", Required = true },
        new InputField { Name = "passedPoints", Label = "其中合格点位数", Type = InputType.Integer, Min = 0, Max = 1_000_000, Unit = "个", Group = "home-review", Required = true },
        new InputField { Name = "inspectionDate", Label = "业主查验日期", Type = InputType.Date, Group = "owner-inspection", Required = true },
        new InputField { Name = "noticeDate", Label = "通知业主日期", Type = InputType.Date, Group = "owner-inspection" },
        new InputField { Name = "participants", Label = "参与查验总人数", Type = InputType.Integer, Min = 1, Max = 100, Unit = "人", Group = "owner-inspection" },
    ], requireOneGroup: true);

    protected override IEnumerable<InputError> Check(ValidatedInputs inputs)
    {
        if (inputs.Has("passedPoints") && inputs.Has("measuredPoints") && inputs.Number("passedPoints") > inputs.Number("measuredPoints"))
        {
            yield return new InputError("passedPoints", "exceeds measuredPoints", InputError.Conflict);
        }

        if (inputs.DateOrNull("noticeDate") is { } notice && inputs.DateOrNull("inspectionDate") is { } inspection && notice > inspection)
        {
            yield return new InputError("noticeDate", "after inspectionDate", InputError.Conflict);
        }
    }

    protected override void Compute(Evaluation ev)
    {
        if (ev.In.Claims("sampling"))
        {
            Sampling(ev);
        }

        if (ev.In.Claims("home-review"))
        {
            using var s = ev.Open("单套住宅分户验收判定(第七条第(二)项)");
            var passed = ev.Number("passedPoints");
            var measured = ev.Number("measuredPoints");
            var conforms = ev.MeetsShare(passed, measured, "home-pass-rate", "实测点位合格率");
            ev.Apply(conforms ? "home-conforms" : "home-fails");
            ev.Output("homePassRate", passed * 100 / measured);
            ev.Output("homeConforms", conforms);
            s.Result(conforms);
        }

        if (ev.In.Claims("public-parts"))
        {
            using var s = ev.Open("公共部位复核比对(第七条第(三)项)");
            var buildings = ev.Number("buildings");
            var share = ev.P("public-share");
            var byShare = Math.Ceiling(buildings * share / 100m);
            ev.Step($"楼栋数 × {TraceStep.Format(share)}% 向上取整 = ⌈{TraceStep.Format(buildings)} × {TraceStep.Format(share)}%⌉", byShare, "栋");
            var sample = Math.Max(byShare, ev.P("public-min"));
            ev.Output("publicPartBuildings", sample);
            s.Result(sample);
        }

        if (ev.In.Claims("owner-inspection"))
        {
            OwnerInspection(ev);
        }
    }

    private static void Sampling(Evaluation ev)
    {
        decimal total;
        using (var s = ev.Open("抽测总量(第七条第(一)项)"))
        {
            var n = ev.Number("households");

            // The printed ranges share their end points (200户以下 / 200—500户, …); every range containing n applies
            // and the largest floor is taken, since only that sample satisfies each applicable 不少于.
            var floors = new List<decimal>();
            if (ev.Meets(n, "band1-households", "户数(第一档)"))
            {
                floors.Add(ev.P("band1-min"));
            }

            if (InRange(ev, n, "band2-from", "band2-to"))
            {
                floors.Add(ev.P("band2-min"));
            }

            if (InRange(ev, n, "band3-from", "band3-to"))
            {
                floors.Add(ev.P("band3-min"));
            }

            if (ev.Meets(n, "band4-households", "户数(第四档)"))
            {
                var rate = ev.P("band4-rate");
                var byRate = Math.Ceiling(n * rate / 100m);
                ev.Step($"按{TraceStep.Format(rate)}%抽取, 向上取整 = ⌈{TraceStep.Format(n)} × {TraceStep.Format(rate)}%⌉", byRate, "户");
                floors.Add(Math.Max(byRate, ev.P("band4-min")));
            }

            if (floors.Count > 1)
            {
                ev.Step($"户数 {TraceStep.Format(n)} 处于两档交界, 取较大的下限", floors.Max(), "户");
            }

            total = floors.Max();
            if (ev.In.Has("unitProjects"))
            {
                var perUnit = ev.P("unit-project-min");
                var units = ev.Number("unitProjects");
                var byUnits = units * perUnit;
                ev.Step($"单位工程 {TraceStep.Format(units)} 个 × 不少于 {TraceStep.Format(perUnit)} 户", byUnits, "户");
                total = Math.Max(total, byUnits);
            }

            s.Result(total);
        }

        using (var s = ev.Open("分配至第一、第二阶段(第七条第(一)项)"))
        {
            var first = ev.P("stage1-parts");
            var second = ev.P("stage2-parts");
            var stage1 = Math.Ceiling(total * first / (first + second));
            var stage2 = Math.Ceiling(total * second / (first + second));
            ev.Step($"第一阶段 = ⌈{TraceStep.Format(total)} × {TraceStep.Format(first)}/{TraceStep.Format(first + second)}⌉", stage1, "户");
            ev.Step($"第二阶段 = ⌈{TraceStep.Format(total)} × {TraceStep.Format(second)}/{TraceStep.Format(first + second)}⌉", stage2, "户");
            s.Result($"{TraceStep.Format(stage1)} + {TraceStep.Format(stage2)}");
            ev.Output("sampleTotal", total);
            ev.Output("stage1Sample", stage1);
            ev.Output("stage2Sample", stage2);
        }
    }

    private static bool InRange(Evaluation ev, decimal n, string fromParameter, string toParameter)
    {
        var from = ev.P(fromParameter);
        var to = ev.P(toParameter);
        var holds = n >= from && n <= to;
        ev.Step($"户数 {TraceStep.Format(n)} 在 {TraceStep.Format(from)}—{TraceStep.Format(to)} 户之间(含两端)", holds);
        return holds;
    }

    private static void OwnerInspection(Evaluation ev)
    {
        using var s = ev.Open("业主查验(第十三条)");
        var inspection = ev.In.Date("inspectionDate");
        ev.ShowInput("inspectionDate");
        var days = (int)ev.P("notice-days");
        var latest = inspection.AddDays(-days);
        ev.Step($"最晚通知日 = 查验日 − {days} 日", latest);
        ev.Output("latestNoticeDate", latest.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        if (ev.In.DateOrNull("noticeDate") is { } notice)
        {
            ev.ShowInput("noticeDate");
            var ahead = inspection.DayNumber - notice.DayNumber;
            ev.Output("noticeConforms", ev.Meets(ahead, "notice-days", "提前通知天数"));
        }

        if (ev.In.Has("participants"))
        {
            ev.Output("participantsConform", ev.Meets(ev.Number("participants"), "max-participants", "参与查验总人数"));
        }

        s.Result(latest);
    }
}
