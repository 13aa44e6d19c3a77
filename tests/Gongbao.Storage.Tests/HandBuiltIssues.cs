using Gongbao.Domain;

namespace Gongbao.Storage.Tests;

/// <summary>Issues built by hand in the shape the parser produces: a notice issuing measures, a plan with a table, an attachment.</summary>
internal static class HandBuiltIssues
{
    public const string NoticeId = "jingguizifa-2024-122";

    public static GazetteIssue Issue(string id = "beijing-2024-31", string sha = "AB12", int year = 2024, int number = 31, string variant = "")
    {
        var notice = Notice(id, variant);
        var plan = Plan(id);
        return new GazetteIssue
        {
            Id = id,
            Kind = SourceKind.Issue,
            GazetteTitle = "北京市人民政府公报",
            Year = year,
            Number = number,
            CumulativeNumber = 900 + number,
            PublicationDate = new DateOnly(year, 8, 9),
            Sponsor = "北京市人民政府办公厅",
            SponsorEn = "General Office of Beijing Municipal People's Government",
            SourceFile = $"/tmp/{id}.txt",
            SourceSha256 = sha,
            Contents =
            [
                new TocEntry
                {
                    Ordinal = 1, SectionZh = "部门文件", SectionEn = "Department Documents",
                    TitleZh = "北京市规划和自然资源委员会关于印发《北京市建设工程规划管理办法》的通知",
                    TitleEn = "Notice of Beijing Municipal Commission of Planning and Natural Resources",
                    Number = DocumentNumber.Find("(京规自发〔2024〕122 号)"), NumberEn = "Jingguizifa〔2024〕No. 122",
                    Page = 3, Span = new SourceSpan(8, 9), SpanEn = SourceSpan.Line(20),
                },
                new TocEntry { Ordinal = 2, SectionZh = "政府文件", TitleZh = "行动方案", Page = 12, Span = SourceSpan.Line(10) },
            ],
            Documents = [notice, plan],
            Diagnostics =
            [
                new ParseDiagnostic("GB101", DiagnosticSeverity.Warning, "article number 第十一条 skipped", $"{id}.txt", 140),
                new ParseDiagnostic("GB200", DiagnosticSeverity.Info, "page break re-joined", $"{id}.txt", 151),
            ],
        };
    }

    public static GazetteIssue Standalone(string sha = "CD34") => new()
    {
        Id = "standalone-" + NoticeId,
        Kind = SourceKind.Standalone,
        SourceFile = "/tmp/standalone.txt",
        SourceSha256 = sha,
        Documents = [Notice("standalone-" + NoticeId, " (standalone)")],
    };

    private static GazetteDocument Notice(string issueId, string variant)
    {
        var d = NoticeId;
        var inst = d + "/inst-1";
        var instrument = new GazetteDocument
        {
            Id = inst,
            Ordinal = 1,
            TitleZh = "北京市建设工程规划管理办法",
            Kind = DocumentKind.Measures,
            Span = new SourceSpan(120, 180),
            Text = "第一条 为了规范管理……",
            Body = new Provision
            {
                Id = inst,
                Kind = ProvisionKind.Document,
                Span = new SourceSpan(120, 180),
                Children =
                [
                    new Provision
                    {
                        Id = $"{d}/inst-1/chp-1", Kind = ProvisionKind.Chapter, Ordinal = 1, Label = "第一章", Number = 1, Heading = "总则",
                        Span = new SourceSpan(121, 130),
                        Children =
                        [
                            new Provision
                            {
                                Id = $"{d}/art-1", Kind = ProvisionKind.Article, Ordinal = 1, Label = "第一条", Number = 1, Heading = "目的依据",
                                Text = "为了规范建设工程规划管理，制定本办法。" + variant, Span = SourceSpan.Line(122),
                            },
                            new Provision
                            {
                                Id = $"{d}/art-2", Kind = ProvisionKind.Article, Ordinal = 2, Label = "第二条", Number = 2,
                                Text = "", Span = new SourceSpan(123, 127),
                                Children =
                                [
                                    new Provision { Id = $"{d}/art-2/para-1", Kind = ProvisionKind.Paragraph, Ordinal = 1, Text = "本办法适用于下列建设工程：", Span = SourceSpan.Line(123) },
                                    new Provision
                                    {
                                        Id = $"{d}/art-2/item-1", Kind = ProvisionKind.Item, Ordinal = 1, Label = "（一）", Number = 1, Text = "建筑工程；",
                                        Span = SourceSpan.Line(124),
                                        Children = [new Provision { Id = $"{d}/art-2/item-1/sub-1", Kind = ProvisionKind.SubItem, Ordinal = 1, Label = "1.", Number = 1, Text = "住宅", Span = SourceSpan.Line(125) }],
                                    },
                                    new Provision { Id = $"{d}/art-2/item-2", Kind = ProvisionKind.Item, Ordinal = 2, Label = "(二)", Number = 2, Text = "市政工程。", Span = SourceSpan.Line(126) },
                                ],
                            },
                        ],
                    },
                    // A repeated printed number keeps a fresh ordinal ID.
                    new Provision { Id = $"{d}/art-3", Kind = ProvisionKind.Article, Ordinal = 3, Label = "第二条", Number = 2, Text = "本办法自2024年9月1日起施行。", Span = SourceSpan.Line(131) },
                ],
            },
        };
        return new GazetteDocument
        {
            Id = d,
            Ordinal = 1,
            TitleZh = "北京市规划和自然资源委员会关于印发《北京市建设工程规划管理办法》的通知",
            TitleEn = "Notice on Issuing the Measures",
            Kind = DocumentKind.Notice,
            Issuers = ["北京市规划和自然资源委员会"],
            Number = DocumentNumber.Find("京规自发〔2024〕122号"),
            Addressees = ["各区人民政府", "市政府各委、办、局"],
            SignedOn = new DateOnly(2024, 7, 30),
            EffectiveFrom = new DateOnly(2024, 9, 1),
            ValidityText = "本办法自2024年9月1日起施行。",
            Section = "部门文件",
            Page = 3,
            Span = new SourceSpan(100, 180),
            Text = "各区人民政府：现将《北京市建设工程规划管理办法》印发给你们。" + variant,
            Body = new Provision
            {
                Id = d,
                Kind = ProvisionKind.Document,
                Span = new SourceSpan(100, 180),
                Children =
                [
                    new Provision { Id = $"{d}/para-1", Kind = ProvisionKind.Paragraph, Ordinal = 1, Text = "现将《北京市建设工程规划管理办法》印发给你们，请认真贯彻落实。", Span = SourceSpan.Line(104) },
                    new Provision { Id = $"{d}/sig-1", Kind = ProvisionKind.Signature, Ordinal = 1, Text = "北京市规划和自然资源委员会\n2024年7月30日", Span = new SourceSpan(106, 107) },
                    new Provision { Id = inst, Kind = ProvisionKind.Instrument, Ordinal = 1, Heading = "北京市建设工程规划管理办法", Span = new SourceSpan(120, 180) },
                ],
            },
            Instruments = [instrument],
        };
    }

    private static GazetteDocument Plan(string issueId)
    {
        var d = issueId + "/doc-2";
        return new GazetteDocument
        {
            Id = d,
            Ordinal = 2,
            TitleZh = "行动方案",
            Kind = DocumentKind.Plan,
            Issuers = ["中共北京市委办公厅", "北京市人民政府办公厅"],
            Span = new SourceSpan(200, 260),
            Text = "一、总体要求",
            Body = new Provision
            {
                Id = d,
                Kind = ProvisionKind.Document,
                Span = new SourceSpan(200, 260),
                Children =
                [
                    new Provision
                    {
                        Id = $"{d}/div-1", Kind = ProvisionKind.Heading, Ordinal = 1, Label = "一、", Number = 1, Heading = "总体要求", Span = new SourceSpan(201, 205),
                        Children = [new Provision { Id = $"{d}/div-1/item-1", Kind = ProvisionKind.Item, Ordinal = 1, Label = "（一）", Number = 1, Text = "坚持系统观念。", Span = SourceSpan.Line(202) }],
                    },
                    new Provision
                    {
                        Id = $"{d}/annex-1", Kind = ProvisionKind.Annex, Ordinal = 1, Label = "附件1", Heading = "任务分工表", Span = new SourceSpan(230, 260),
                        Children =
                        [
                            new Provision
                            {
                                Id = $"{d}/annex-1/table-1", Kind = ProvisionKind.Table, Ordinal = 1, Span = new SourceSpan(231, 240),
                                Cells = [["序号", "任务", "责任单位"], ["1", "建设\"智慧\"平台", "市经济和信息化局"], ["2", "", "市财政局"]],
                            },
                        ],
                    },
                ],
            },
            Attachments =
            [
                new Attachment { Id = $"{d}/annex-1", Ordinal = 1, Label = "附件1", Title = "任务分工表", ProvisionId = $"{d}/annex-1", Span = new SourceSpan(230, 260) },
                new Attachment { Id = $"{d}/annex-2", Ordinal = 2, Label = "附件2", Title = "申报表", Omitted = true, Span = SourceSpan.Line(262) },
            ],
        };
    }
}
