using System.Text;

namespace Gongbao.Cli.Tests;

/// <summary>
/// A small made-up gazette issue in the gazette layout (another city), numbered <see cref="Number"/>, whose
/// three documents each carry words no other issue of the series has: what a test looks for after ingesting it.
/// </summary>
public sealed record MadeUpGazette(int Number)
{
    public const int Year = 2031;

    // Rare characters combined by issue number: every issue's words are its own (checked in the tests).
    private const string Pool = "琥珀翡翠玛瑙琉璃珊瑚砗磲鹦鹉螺蝾螈鸬鹚鹈鹕獬豸饕餮麒麟";

    /// <summary>The measures' document number (津水发〔2031〕N号): issues sharing it print witnesses of one document.</summary>
    public int MeasuresNumber { get; init; } = 300 + Number;

    /// <summary>Text added to the measures' third article (to make long witnesses).</summary>
    public string Padding { get; init; } = "";

    public string MeasuresId => $"jinshuifa-{Year}-{MeasuresNumber}";

    public string IssueId => $"tianjin-{Year}-{Number}";

    public string FileName => $"tianjin-{Year}-{Number:00}.txt";

    /// <summary>The distinctive words: the subsidy measures, the road notice and the commendation.</summary>
    public IReadOnlyList<string> Words => [Word(0), Word(1), Word(2)];

    /// <summary>The title of the measures (a citation by title must find it).</summary>
    public string MeasuresTitle => $"天津市{Word(0)}灌溉补助资金管理办法";

    private string Word(int slot)
    {
        var i = (Number * 3) + slot;
        return $"{Pool[i % Pool.Length]}{Pool[(i / Pool.Length + slot * 7 + 3) % Pool.Length]}{Pool[(i * 5 + 11) % Pool.Length]}区";
    }

    public byte[] Bytes => Encoding.UTF8.GetBytes(Text);

    public string Text
    {
        get
        {
            var n = Number;
            var sb = new StringBuilder();
            sb.Append($"\n\n天津市人民政府公报\n\n{Year}\n\n第 {n} 期\n\nGAZETTE OF THE PEOPLE'S\nGOVERNMENT OF TIANJIN MUNICIPALITY\n\n");
            sb.Append($"{Year}年2月6日 第{n}期 天津市人民政府办公厅主办\n\n目 录\n\n【部门文件】\n\n");
            sb.Append($"天津市水务局关于印发《{MeasuresTitle}》的通知\n(津水发〔{Year}〕{MeasuresNumber}号)\t(3)\n\n");
            sb.Append($"天津市交通运输委员会关于做好{Word(1)}冬季道路养护工作的通知 (津交发〔{Year}〕{n}号) (11)\n\n");
            sb.Append($"【市政府文件】\n\n天津市人民政府关于表彰{Word(2)}先进集体的决定 (15)\n\n");
            sb.Append($"GAZETTE OF THE PEOPLES GOVERNMENT OF TIANJIN MUNICIPALITY\n\nFebruary 6, {Year}\n\nIssue No. {n}\n\n");
            sb.Append("CONTENTS\n\n【Documents of Government Departments】\n\n");
            sb.Append($"Circular of Tianjin Water Affairs Bureau on Issuing the Administrative Measures for Irrigation Subsidies (Jinshuifa〔{Year}〕No. {MeasuresNumber}) (3)\n\n");
            sb.Append($"Circular of Tianjin Transport Commission on Winter Road Maintenance (Jinjiaofa[{Year}]No. {n})\t(11)\n\n");
            sb.Append("【Documents of Tianjin Municipal Government】\n\nDecision of Tianjin Municipal Government on Commending Advanced Collectives (15)\n\n");
            sb.Append("(The Table of Contents is prepared in both Chinese and English, with\nthe Chinese version being official.)\n\n");

            sb.Append($"天津市水务局\n关于印发《{MeasuresTitle}》的通知\n\n津水发〔{Year}〕{MeasuresNumber}号\n\n各区水务局：\n\n");
            sb.Append($"现将《{MeasuresTitle}》印发给你们，请遵照执行。\n\n天津市水务局\n\n{Year - 1}年12月30日\n\n");
            sb.Append($"{MeasuresTitle}\n\n第一条 为规范补助资金管理，制定本办法。\n\n");
            sb.Append($"第二条 本办法适用于{Word(0)}节水灌溉项目。\n\n第三条 高效节水灌溉每亩补助{300 + n}元。{Padding}\n\n");
            sb.Append($"第四条 本办法自{Year}年1月1日起施行。\n\n");

            sb.Append($"天津市交通运输委员会关于做好{Word(1)}冬季道路养护工作的通知\n\n津交发〔{Year}〕{n}号\n\n");
            sb.Append($"各区交通局：\n\n为做好冬季道路养护工作，现通知如下：\n\n一、加强巡查\n\n各单位要加强{Word(1)}道路巡查。\n\n");
            sb.Append($"二、及时除雪\n\n主干道要在雪停后{n % 9 + 2}小时内清除积雪。\n\n本通知自印发之日起施行。\n\n天津市交通运输委员会\n\n{Year} 年 1 月 9 日\n\n");

            sb.Append($"天津市人民政府关于表彰{Word(2)}先进集体的决定\n\n各区人民政府，市政府各委、局：\n\n");
            sb.Append($"为表彰先进，市人民政府决定，授予{Word(2)}水务站先进集体称号。\n\n天津市人民政府\n\n{Year}年1月20日\n\n");
            sb.Append("政府公报查询方式\n\n《天津市人民政府公报》采取网上发行方式。\n");
            return sb.ToString();
        }
    }
}
