using System.Text;

namespace Gongbao.Parsing.Tests;

/// <summary>A made-up issue in the gazette layout (another city, numbers, issuers, titles) for generality tests.</summary>
public static class SyntheticIssue
{
    public static string Text(bool truncateLastDocument = false, bool dropHeaderOfSecond = false)
    {
        var sb = new StringBuilder();
        sb.Append("\n\n天津市人民政府公报\n\n2023\n\n第 5 期\n\nGAZETTE OF THE PEOPLE'S\nGOVERNMENT OF TIANJIN MUNICIPALITY\n\n");
        sb.Append("2023年2月6日 第5期 天津市人民政府办公厅主办\n\n目 录\n\n【部门文件】\n\n");
        sb.Append("天津市水务局 天津市农业农村局关于印发《天津市节水 灌溉补助资金管理办法》的通知\t\n\n(津水发〔2022〕311 号)\t(3)\n");
        sb.Append("- 天津市交通运输委员会关于做好\n冬季道路养护工作的通知 (津交发〔2023〕9号) (11)\n\n");
        sb.Append("【市政府文件】\n\n天津市人民政府关于表彰 2022 年度先进集体的决定 (15)\n\n");
        sb.Append("GAZETTE OF THE PEOPLES GOVERNMENT OF TIANJIN MUNICIPALITY\n\nFebruary 6, 2023\n\nIssue No. 5\n\n");
        sb.Append("Sponsored by the General Office of the People's Government of Tianjin Municipality\n\nCONTENTS\n\n");
        sb.Append("【Documents of Government Departments】\n\n- Circular of Tianjin Water Affairs Bureau and Tianjin Agriculture Bureau on Issuing the\n\n");
        sb.Append("“Administrative Measures for Irrigation Subsidies”\n(Jinshuifa〔2022〕No. 311) (3)\n---\t------\n\n");
        sb.Append("Circular of Tianjin Transport Commission on Winter Road Maintenance (Jinjiaofa[2023]No. 9)\t(11)\n\n");
        sb.Append("【Documents of Tianjin Municipal Government】\n\nDecision of Tianjin Municipal Government on Commending Advanced Collectives of 2022 (15)\n\n");
        sb.Append("(The Table of Contents is prepared in both Chinese and English, with\nthe Chinese version being official.)\n\n");

        // Document 1: transmittal notice, signature before the measures.
        sb.Append("天 津 市 水 务 局\n天 津 市 农 业 农 村 局\n关于印发《天津市节水灌溉补助资金\n管理办法》的通知\n\n津水发〔2022〕311号\n\n各区水务局、农业农村局：\n\n");
        sb.Append("现将《天津市节水灌溉补助资金管理办法》印发给你们，请遵照执行。\n\n天津市水务局\n\n天津市农业农村局\n\n2022年12月30日\n\n");
        sb.Append("天津市节水灌溉补助资金管理办法\n\n第一章 总 则\n\n第一条【目的】为规范补助资金管理，制定本办法。\n\n");
        sb.Append("第二条【范围】本办法适用于本市节水灌溉项目。\n\n第二章 补助标准\n\n第三条 补助标准如下：\n\n（一）高效节水灌溉每亩补助300元；\n\n（二）管道输水灌溉项目按照实际完成面积，每亩补助\n\n150元。\n\n");
        sb.Append("第五条 补助资金按年度拨付。\n\n第三章 附 则\n\n第六条 本办法自2023年1月1日起施行，有效期至2025年12月31日。\n\n");
        sb.Append("附件：1. 补助申请表(略)\n2. 项目验收单(略)\n\n");

        // Document 2: direct notice, signature at the end.
        if (!dropHeaderOfSecond)
        {
            sb.Append("天津市交通运输委员会关于做好冬季道路养护工作的通知\n\n津交发〔2023〕9号\n\n");
        }

        sb.Append("各区交通局，市公路事业发展中心：\n\n为做好冬季道路养护工作，现通知如下：\n\n一、加强巡查\n\n");
        sb.Append("各单位要加强雨雪天气道路巡查。\n\n二、及时除雪\n\n1. 主干道要在雪停后4小时内清除积雪。\n2. 次干道要在雪停后8小时内清除积雪。\n\n");
        sb.Append("本通知自印发之日起施行。\n\n天津市交通运输委员会\n\n2023 年 1 月 9 日\n\n");

        // Document 3: decision with a printed annex table.
        sb.Append("天津市人民政府关于表彰2022年度先进集体的决定\n\n各区人民政府，市政府各委、局：\n\n");
        sb.Append("为表彰先进，市人民政府决定，授予下列单位先进集体称号。\n\n天津市人民政府\n\n2023年1月20日\n\n附件\n\n2022年度先进集体名单\n\n");
        sb.Append("类别\t单位\t所在区\n水务\t和平区水务站\t和平区\n\t河西区水务站\t河西区\n类别\t单位\t所在区\n交通\t南开区养护中心\t南开区\n\n");
        if (truncateLastDocument)
        {
            sb.Append("\t红桥区");
            return sb.ToString();
        }

        sb.Append("政府公报查询方式\n\n《天津市人民政府公报》采取网上发行方式。\n\n国际标准连续出版物号：ISSN 0000-0000\n");
        return sb.ToString();
    }
}
