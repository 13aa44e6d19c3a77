using Gongbao.Domain;

using Gongbao.Parsing.Documents;
using Gongbao.Parsing.Normalization;
using Gongbao.Parsing.Recognition;
using Gongbao.Parsing.Text;

namespace Gongbao.Parsing.Tests;

public class LayoutRecognizerTests
{
    [Theory]
    [InlineData("各区人民政府，市政府各委、办、局，各市属机构：", new[] { "各区人民政府", "市政府各委、办、局", "各市属机构" })]
    [InlineData("各有关单位:", new[] { "各有关单位" })]
    public void Addressee_lines(string line, string[] expected)
    {
        Assert.True(HeaderReader.IsAddresseeLine(line));
        Assert.Equal(expected, HeaderReader.SplitAddressees(line));
    }

    [Theory]
    [InlineData("附件：1. 信用评价标准(略)")]
    [InlineData("（一）满足以下条件的，信用等级为优：")]
    [InlineData("现通知如下。")]
    [InlineData("序号\t项目名称：")]
    public void Not_addressee_lines(string line) => Assert.False(HeaderReader.IsAddresseeLine(line));

    [Fact]
    public void Back_matter_starts_at_its_first_heading()
    {
        var lines = Lines("第十一条 本措施有效期 3 年。", "政府公报查询方式", "《北京市人民政府公报》采取网上发行和纸质发行两种方式。", "《北京市人民政府公报》简介", "国际标准连续出版物号：ISSN 1009-2862");
        Assert.Equal(1, BackMatterRecognizer.FindStart(lines));
        Assert.Equal(1, BackMatterRecognizer.FindStart(Lines("正文。")));
        Assert.False(BackMatterRecognizer.IsBackMatterHeading("各单位要及时在政府公报查询相关文件。"));
    }

    [Fact]
    public void Issue_layout_parts()
    {
        var lines = Lines("北京市人民政府公报", "2024", "第 31 期（总第 859 期）", "2024年8月19日 第31期 北京市人民政府办公厅主办", "目 录", "【部门文件】",
            "北京市某局关于某事的通知 (京某发〔2024〕1号) (6)", "GAZETTE OF THE PEOPLES GOVERNMENT OF BEIJING MUNICIPALITY", "August 19, 2024", "CONTENTS",
            "【Documents of Government Departments】", "Circular of A (Jingmoufa[2024]No. 1) (6)", "(The Table of Contents is prepared in both Chinese and English, with",
            "the Chinese version being official.)", "北京市某局关于某事的通知");
        var layout = IssueLayout.Find(lines);
        Assert.Equal(4, layout.ContentsIndex);
        Assert.Equal(7, layout.EnglishMastheadStart);
        Assert.Equal(9, layout.EnglishContentsStart);
        Assert.Equal(12, layout.EnglishContentsEnd);
        Assert.Equal(14, layout.BodyStart);
    }

    [Fact]
    public void Layout_without_contents()
    {
        var layout = IssueLayout.Find(Lines("北京市某局关于某事的通知", "各区：", "现通知如下。"));
        Assert.Equal(-1, layout.ContentsIndex);
        Assert.False(layout.HasMasthead);
    }

    [Theory]
    [InlineData("/x/standalone-jingguangdianfa-2021-93.txt", "jingguangdianfa-2021-93")]
    [InlineData("/x/Some File (v2).txt", "some-file-v2")]
    [InlineData("/x/北京通知.txt", "beijingtongzhi")]
    public void Standalone_ids_from_file_names(string path, string id) => Assert.Equal(id, GazetteParser.IdFromFileName(path));

    [Theory]
    [InlineData("北京市规划和自然资源委员会关于印发《北京市某某管理办法(试行)》的通知", "北京市某某管理办法(试行)")]
    [InlineData("北京市市场监督管理局关于印发2024年全面优化营商环境打造“北京服务”工作方案的通知", "2024年全面优化营商环境打造“北京服务”工作方案")]
    [InlineData("北京市人民政府关于2020年度北京市科学技术奖励的决定", null)]
    public void Instrument_names_from_titles(string title, string? name) => Assert.Equal(name, DocumentAssembler.InstrumentName(title));

    private static List<SourceLine> Lines(params string[] lines) =>
        lines.Select((l, i) => new SourceLine(new LineNormalizer().NormalizeLine(l)!, SourceSpan.Line(i + 1))).ToList();
}
