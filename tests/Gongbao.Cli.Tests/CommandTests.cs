using System.Text.Json;
using System.Xml.Linq;

using Gongbao.Application.Export;
using Gongbao.Parsing;

namespace Gongbao.Cli.Tests;

/// <summary>The commands end to end on the real sample gazettes.</summary>
public sealed class CommandTests : IDisposable
{
    private readonly CliHarness _cli = new();

    public void Dispose() => _cli.Dispose();

    [Fact]
    public void Ingest_of_the_sample_folder_stores_every_source_and_a_rerun_changes_nothing()
    {
        var first = _cli.Run("ingest", SampleGazettes.Locate());
        Assert.Equal(0, first.ExitCode);
        Assert.Equal("", first.Err);
        Assert.Contains("added     beijing-2024-31", first.Out);
        Assert.Contains("4 of 4 files stored", first.Out);
        var before = _cli.Snapshot();
        Assert.Equal(4, before.Counts.Sources);

        var again = _cli.Run("ingest", SampleGazettes.Locate());
        Assert.Equal(0, again.ExitCode);
        Assert.Equal(4, again.Out.Split('\n').Count(l => l.StartsWith("unchanged", StringComparison.Ordinal)));
        Assert.Equal(before, _cli.Snapshot());

        var issues = _cli.Run("issues");
        Assert.Equal(0, issues.ExitCode);
        Assert.Contains("beijing-2021-40", issues.Out);
        Assert.Contains("standalone-jingguangdianfa-2021-93", issues.Out);
    }

    [Fact]
    public void Ingest_keeps_the_search_index_in_step_when_a_source_is_replaced()
    {
        // The same issue, re-issued with one article heading reworded: the index must follow the store.
        var original = File.ReadAllText(SampleGazettes.File("2024-31.txt"));
        Assert.Contains("评价等级熔断机制", original);
        var v1 = _cli.Input("issue.txt", System.Text.Encoding.UTF8.GetBytes(original));
        Assert.Equal(0, _cli.Run("ingest", v1).ExitCode);
        Assert.Contains("jingguizifa-2024-122/art-16", _cli.Run("search", "--provisions", "熔断机制").Out);

        var v2 = _cli.Input("issue.txt", System.Text.Encoding.UTF8.GetBytes(original.Replace("评价等级熔断机制", "评价等级一票否决", StringComparison.Ordinal)));

        // A different text under a stored ID is never replaced silently (issue 10): it needs --force.
        var refused = _cli.Run("ingest", v2);
        Assert.Equal(1, refused.ExitCode);
        Assert.Contains("--force", refused.Err);
        Assert.Contains("jingguizifa-2024-122/art-16", _cli.Run("search", "--provisions", "熔断机制").Out);

        var replaced = _cli.Run("ingest", "--force", v2);
        Assert.Equal(0, replaced.ExitCode);
        Assert.StartsWith("replaced  beijing-2024-31", replaced.Out);

        Assert.Contains("jingguizifa-2024-122/art-16", _cli.Run("search", "--provisions", "一票否决").Out);
        Assert.DoesNotContain("jingguizifa-2024-122/art-16", _cli.Run("search", "--provisions", "熔断机制").Out);
    }

    [Fact]
    public void Force_replaces_unchanged_sources()
    {
        _cli.Run("ingest", SampleGazettes.File("2024-31.txt"));
        var forced = _cli.Run("ingest", "--force", SampleGazettes.File("2024-31.txt"));
        Assert.Equal(0, forced.ExitCode);
        Assert.StartsWith("replaced  beijing-2024-31", forced.Out);
    }

    [Fact]
    public void Cite_fails_with_exit_3_and_the_valid_range_rather_than_resolving_broader()
    {
        _cli.Run("ingest", SampleGazettes.File("2024-31.txt"));
        foreach (var query in new[] { "京规自发〔2024〕122号第0条", "京规自发〔2024〕122号第2147483648条", "京规自发〔2024〕122号第8条第0款" })
        {
            var failed = _cli.Run("cite", query);
            Assert.Equal(3, failed.ExitCode);
            Assert.Contains("第一条–第二十八条", failed.Err);
            Assert.Equal("", failed.Out);
        }

        var exact = _cli.Run("cite", "京规自发〔2024〕122号第八条第（一）项");
        Assert.Equal(0, exact.ExitCode);
        Assert.Contains("jingguizifa-2024-122/art-8/item-1", exact.Out);
        var byId = _cli.Run("cite", "jingguizifa-2024-122/art-14");
        Assert.Equal(0, byId.ExitCode);
        Assert.Contains("第十四条", byId.Out);
    }

    [Fact]
    public void Status_is_evaluated_as_of_the_given_date_with_the_reason()
    {
        _cli.Run("ingest", SampleGazettes.File("2025-12.txt"));
        // 京建法〔2024〕12号: the 办法's 第十六条 puts it in force on 2025-02-01 and repeals 京建法〔2020〕5号.
        var before = _cli.Run("status", "京建法〔2024〕12号", "--as-of", "2025-01-31");
        Assert.Equal(0, before.ExitCode);
        Assert.Contains("尚未施行", before.Out);
        var repealed = _cli.Run("status", "京建法〔2020〕5号", "--as-of", "2025-02-01");
        Assert.Equal(0, repealed.ExitCode);
        Assert.Contains("已废止", repealed.Out);
        Assert.Contains("第十六条", repealed.Out);
        Assert.Equal(2, _cli.Run("status", "京建法〔2024〕12号").ExitCode);
        Assert.Equal(3, _cli.Run("status", "京建法〔1999〕1号", "--as-of", "2025-01-01").ExitCode);
    }

    [Fact]
    public void Toc_shows_both_languages()
    {
        _cli.Run("ingest", SampleGazettes.File("2024-31.txt"));
        var toc = _cli.Run("toc", "beijing-2024-31");
        Assert.Equal(0, toc.ExitCode);
        Assert.Contains("京规自发〔2024〕122号", toc.Out);
        Assert.Contains("Jingguizifa〔2024〕No. 122", toc.Out);
        Assert.Contains("部门文件", toc.Out);
        Assert.Contains("Documents of Government Departments", toc.Out);

        Assert.Equal(3, _cli.Run("toc", "beijing-1999-1").ExitCode);
    }

    [Theory]
    [InlineData("京规自发[2024]122号")]
    [InlineData("京规自发（２０２４）１２２号")]
    [InlineData("jingguizifa-2024-122")]
    public void Show_prints_the_document_tree_for_a_number_in_any_form_or_its_id(string reference)
    {
        _cli.Run("ingest", SampleGazettes.File("2024-31.txt"));
        var show = _cli.Run("show", reference);
        Assert.Equal(0, show.ExitCode);
        Assert.Contains("京规自发〔2024〕122号", show.Out);
        Assert.Contains("beijing-2024-31", show.Out);
        Assert.Contains("jingguizifa-2024-122/inst-1/chp-1 第一章 总则", show.Out);
        Assert.Contains("jingguizifa-2024-122/art-14 第十四条 评价等级", show.Out);
    }

    [Fact]
    public void Show_prints_a_provision_subtree()
    {
        _cli.Run("ingest", SampleGazettes.File("2024-31.txt"));
        var show = _cli.Run("show", "jingguizifa-2024-122/art-14");
        Assert.Equal(0, show.ExitCode);
        Assert.Contains("jingguizifa-2024-122/art-14/item-1 (一) 满足以下条件的,信用等级为优(A)级:", show.Out);
        Assert.Contains("评价信用分值为 800 分及以上。", show.Out);
        Assert.DoesNotContain("第十五条", show.Out);
    }

    [Fact]
    public void Show_of_something_unknown_exits_3_with_one_line()
    {
        _cli.Run("ingest", SampleGazettes.File("2024-31.txt"));
        var show = _cli.Run("show", "京规自发〔2024〕999号");
        Assert.Equal(3, show.ExitCode);
        Assert.Single(show.Err.TrimEnd().Split('\n'));
        Assert.StartsWith("gongbao: nothing stored under '京规自发〔2024〕999号'", show.Err);
    }

    [Fact]
    public void Export_json_holds_the_document_with_its_provision_tree()
    {
        _cli.Run("ingest", SampleGazettes.File("2024-31.txt"));
        var export = _cli.Run("export", "京规自发〔2024〕122号", "--format", "json");
        Assert.Equal(0, export.ExitCode);

        using var json = JsonDocument.Parse(export.Out);
        var doc = json.RootElement.GetProperty("document");
        Assert.Equal("beijing-2024-31", json.RootElement.GetProperty("source").GetString());
        Assert.Equal("jingguizifa-2024-122", doc.GetProperty("id").GetString());
        Assert.Equal("Notice", doc.GetProperty("kind").GetString());
        var instrumentBody = doc.GetProperty("instruments")[0].GetProperty("body");
        Assert.Equal("jingguizifa-2024-122/inst-1", instrumentBody.GetProperty("id").GetString());
        var chapter1 = instrumentBody.GetProperty("children")[0];
        Assert.Equal("总则", chapter1.GetProperty("heading").GetString());
        Assert.Equal("第一条", chapter1.GetProperty("children")[0].GetProperty("label").GetString());
    }

    [Fact]
    public void Export_akn_is_an_akoma_ntoso_act_with_eids_from_our_ids()
    {
        _cli.Run("ingest", SampleGazettes.File("2024-31.txt"));
        var file = Path.Combine(_cli.Root, "act.xml");
        var export = _cli.Run("export", "jingguizifa-2024-122", "--format", "akn", "--output", file);
        Assert.Equal(0, export.ExitCode);

        var xml = XDocument.Load(file);
        var ns = AkomaNtosoExporter.Akn;
        var act = xml.Root!.Element(ns + "act")!;
        Assert.Equal("akomaNtoso", xml.Root.Name.LocalName);
        var work = act.Element(ns + "meta")!.Element(ns + "identification")!.Element(ns + "FRBRWork")!;
        Assert.Equal("京规自发〔2024〕122号", work.Element(ns + "FRBRnumber")!.Attribute("value")!.Value);
        Assert.Equal("/akn/cn-bj/act/2024/jingguizifa-2024-122", work.Element(ns + "FRBRuri")!.Attribute("value")!.Value);
        Assert.Contains("北京市规划和自然资源委员会", act.Element(ns + "preface")!.Value);

        var article = act.Descendants(ns + "article").Single(a => a.Attribute("eId")!.Value == "art_14");
        Assert.Equal("第十四条", article.Element(ns + "num")!.Value);
        Assert.Equal("评价等级", article.Element(ns + "heading")!.Value);
        Assert.Equal("chapter", article.Parent!.Name.LocalName);
        Assert.Contains(article.Elements(ns + "point"), p => p.Attribute("eId")!.Value == "art_14__item_1");
        var instrument = act.Element(ns + "body")!.Elements(ns + "hcontainer").Single(h => h.Attribute("name")!.Value == "instrument");
        Assert.Equal("inst_1", instrument.Attribute("eId")!.Value);
        Assert.Equal("sig_1", act.Element(ns + "body")!.Elements(ns + "hcontainer").Single(h => h.Attribute("name")!.Value == "signature").Attribute("eId")!.Value);
    }

    [Fact]
    public void Demo_ingests_the_samples_and_prints_a_summary()
    {
        // demo serves the reader after ingesting; --no-serve stops after ingest and indexing.
        var demo = _cli.Run("demo", "--no-serve");
        Assert.Equal(0, demo.ExitCode);
        Assert.Contains("Indexed 4 sources", demo.Out);
        Assert.Contains("Stored sources", demo.Out);
        Assert.Contains("4 sources", demo.Out);
        Assert.Contains("beijing-2025-12", demo.Out);
        Assert.Contains("2025-12.txt:665: warning GZ3001", demo.Out);
    }

    [Fact]
    public void Help_documents_exit_codes_and_usage_errors_exit_2()
    {
        var help = _cli.Run("--help");
        Assert.Equal(0, help.ExitCode);
        Assert.Contains("Exit codes: 0 success", help.Out);
        Assert.Contains("ingest", help.Out);

        var bad = _cli.Run("export", "x", "--format", "pdf");
        Assert.Equal(2, bad.ExitCode);
        Assert.StartsWith("gongbao: ", bad.Err);
        Assert.DoesNotContain("   at ", bad.Err);
    }
}
