namespace Gongbao.Parsing.Tests;

/// <summary>
/// Pins the documents of the shared files (ID, source lines, provision count) as the parser produced them
/// before contents-anchored segmentation, so a change of segmentation that moves a document boundary or an
/// ID shows up here. Provision counts can legitimately change with provision-tree work; spans and IDs
/// belong to segmentation.
/// </summary>
public class SegmentationPinTests
{
    public static TheoryData<string, string, int, int, int> Documents => new()
    {
        { "2021-40.txt", "beijing-2021-40/doc-1", 118, 252, 51 },
        { "2021-40.txt", "jingzhengfa-2021-28", 254, 386, 97 },
        { "2021-40.txt", "jingzhengfa-2021-29", 388, 404, 5 },
        { "2021-40.txt", "beijing-2021-40/doc-4", 406, 532, 52 },
        { "2021-40.txt", "beijing-2021-40/doc-5", 534, 847, 142 },
        { "2021-40.txt", "jingguangdianfa-2021-17", 849, 987, 65 },
        { "2021-40.txt", "jingguangdianfa-2021-93", 989, 1135, 64 },
        { "2024-31.txt", "jingguizifa-2024-122", 81, 321, 114 },
        { "2024-31.txt", "jingjianfa-2024-4", 323, 444, 50 },
        { "2024-31.txt", "jingshijianfa-2024-44", 446, 584, 61 },
        { "2024-31.txt", "jingshijianfa-2024-45", 586, 707, 54 },
        { "2024-31.txt", "jingshijianfa-2024-52", 709, 884, 84 },
        { "2024-31.txt", "jingguangfa-2024-60", 886, 1024, 56 },
        { "2024-31.txt", "jingguangfa-2024-65", 1026, 1068, 16 },
        { "2025-12.txt", "jingjiaojier-2024-28", 88, 189, 33 },
        { "2025-12.txt", "jingminerfufa-2024-103", 191, 346, 72 },
        { "2025-12.txt", "jingminshejiufa-2024-111", 348, 412, 28 },
        { "2025-12.txt", "jingrenshefa-2024-13", 414, 506, 40 }, // (四)…服务保障水平 no longer glued to its paragraph (+1)
        { "2025-12.txt", "jingrenshebifa-2024-16", 508, 568, 21 },
        { "2025-12.txt", "jingjianfa-2024-12", 570, 681, 49 },
        { "2025-12.txt", "jingjianfa-2024-13", 683, 778, 36 },
        { "2025-12.txt", "jingjianfa-2024-14", 780, 937, 67 },
        { "2025-12.txt", "jingyibaofa-2024-21", 939, 999, 22 },
        { "2025-12.txt", "jingyibaofa-2024-22", 1001, 1049, 18 },
        { "2025-12.txt", "jingyibaofa-2024-23", 1051, 1078, 6 },
        { "2025-12.txt", "jingyibaofa-2024-24", 1080, 1120, 16 },
        { "2025-12.txt", "jingjiguanfa-2024-30", 1122, 1249, 57 }, // 第十三条 "学前教育资助"/"申请表…" re-joined (−1)
        { "2025-12.txt", "jingjiguanfa-2024-31", 1251, 1425, 72 }, // "职业电"/"竞俱乐部" re-joined (−1)
        { "2025-12.txt", "jingjiguanfa-2024-33", 1427, 1556, 59 },
        { "standalone-jingguangdianfa-2021-93.txt", "jingguangdianfa-2021-93", 1, 62, 60 },
    };

    [Theory]
    [MemberData(nameof(Documents))]
    public void Document_ids_and_spans_are_unchanged(string file, string id, int startLine, int endLine, int provisions)
    {
        var document = ParsedSamples.Document(file, id);
        Assert.Equal((startLine, endLine), (document.Span.StartLine, document.Span.EndLine));
        Assert.True(provisions > 0);
    }

    [Theory]
    [MemberData(nameof(Documents))]
    public void Provision_counts_are_unchanged(string file, string id, int startLine, int endLine, int provisions)
    {
        _ = (startLine, endLine);
        var document = ParsedSamples.Document(file, id);
        Assert.Equal(provisions, document.AllProvisions().Count() + document.Instruments.Sum(i => i.AllProvisions().Count()));
    }

    [Fact]
    public void Each_file_has_exactly_the_pinned_documents()
    {
        var expected = Documents.Select(row => ((string)row[0], (string)row[1])).ToList();
        var actual = ParsedSamples.Names.SelectMany(name => ParsedSamples.Get(name).Documents.Select(d => (name, d.Id))).ToList();
        Assert.Equal(expected.OrderBy(x => x.Item1).ThenBy(x => x.Item2), actual.OrderBy(x => x.Item1).ThenBy(x => x.Item2));
        Assert.Equal(30, actual.Count);
    }

    [Theory]
    [InlineData("2021-40.txt")]
    [InlineData("2024-31.txt")]
    [InlineData("2025-12.txt")]
    [InlineData("standalone-jingguangdianfa-2021-93.txt")]
    public void Shared_files_have_no_error_diagnostics(string file) =>
        Assert.DoesNotContain(ParsedSamples.Get(file).Diagnostics, d => d.Severity == Gongbao.Domain.DiagnosticSeverity.Error);
}
