using System.Diagnostics;
using System.Text;
using System.Text.RegularExpressions;

using Gongbao.Parsing;

namespace Gongbao.Cli.Tests;

/// <summary>
/// Unusable or damaged input end to end: a clear one-line error naming the file (and line) or a
/// best-effort ingest with warnings naming lines; a failed file never changes the store.
/// </summary>
public sealed class BadInputTests : IDisposable
{
    private readonly CliHarness _cli = new();

    public BadInputTests()
    {
        // Each failure is checked against a store that already holds an issue.
        Assert.Equal(0, _cli.Run("ingest", SampleGazettes.File("2021-40.txt")).ExitCode);
    }

    public void Dispose() => _cli.Dispose();

    [Fact]
    public void Empty_file_fails_with_one_line_and_changes_nothing()
    {
        var before = _cli.Snapshot();
        var path = _cli.Input("empty.txt", []);

        var run = _cli.Run("ingest", path);

        Assert.Equal(1, run.ExitCode);
        Assert.Equal($"{path}: error GZ0001: file is empty", run.Err.TrimEnd());
        Assert.Equal(before, _cli.Snapshot());
    }

    [Fact]
    public void Binary_file_fails_naming_the_line_and_changes_nothing()
    {
        var before = _cli.Snapshot();
        var bytes = new byte[4096];
        new Random(7).NextBytes(bytes);
        bytes[100] = 0;
        var path = _cli.Input("scan.txt", bytes);

        var run = _cli.Run("ingest", path);

        Assert.Equal(1, run.ExitCode);
        Assert.Matches($"^{Regex.Escape(path)}:[0-9]+: error GZ0002: ", run.Err);
        Assert.Single(run.Err.TrimEnd().Split('\n'));
        Assert.Equal(before, _cli.Snapshot());
    }

    [Fact]
    public void Gb18030_file_is_decoded_and_stores_the_same_provisions_as_utf8()
    {
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
        var text = File.ReadAllText(SampleGazettes.File("2024-31.txt"));
        var path = _cli.Input("gb18030/2024-31.txt", Encoding.GetEncoding("GB18030").GetBytes(text));
        using var utf8 = new CliHarness();
        utf8.Run("ingest", SampleGazettes.File("2024-31.txt"));

        var run = _cli.Run("ingest", path);

        Assert.Equal(0, run.ExitCode);
        Assert.StartsWith("added     beijing-2024-31", run.Out);
        var notes = _cli.Run("issues", "beijing-2024-31");
        Assert.Contains("GZ0010", notes.Out);
        using var gbStore = Storage.SqliteGazetteStore.OpenDirectory(_cli.DataDirectory);
        using var utf8Store = Storage.SqliteGazetteStore.OpenDirectory(utf8.DataDirectory);
        var gbProvisions = gbStore.GetIssue("beijing-2024-31")!.Documents.SelectMany(d => d.AllProvisions()).Select(p => (p.Id, p.Text)).ToList();
        var utf8Provisions = utf8Store.GetIssue("beijing-2024-31")!.Documents.SelectMany(d => d.AllProvisions()).Select(p => (p.Id, p.Text)).ToList();
        Assert.Equal(utf8Provisions, gbProvisions);
    }

    [Fact]
    public void A_50_MB_file_of_unstructured_text_is_refused_in_bounded_time()
    {
        var line = Encoding.UTF8.GetBytes(string.Concat(Enumerable.Repeat("本段文字没有任何结构，用于检验超大文件的处理能力。", 3)) + "\n");
        var path = Path.Combine(_cli.InputDirectory, "huge.txt");
        using (var file = File.Create(path))
        {
            while (file.Length < 50L * 1024 * 1024)
            {
                file.Write(line);
            }
        }

        var watch = Stopwatch.StartNew();
        var run = _cli.Run("ingest", path);

        // Issue 10: text with no masthead, no contents and no document header is not a gazette; it used to be
        // stored as a "standalone" document. It is refused (exit 1), in bounded time, and the store is unchanged.
        Assert.Equal(1, run.ExitCode);
        Assert.Contains("not a gazette", run.Err);
        Assert.True(watch.Elapsed < TimeSpan.FromSeconds(90), $"50 MB took {watch.Elapsed}");
        Assert.Equal(1, _cli.Snapshot().Counts.Sources);
    }

    [Fact]
    public void A_file_with_a_masthead_but_no_contents_is_stored_with_a_warning_naming_the_line()
    {
        var path = _cli.Input("notoc.txt", Encoding.UTF8.GetBytes(
            "北京市人民政府公报\n2024年第9期\n\n北京市人民政府关于开展测试工作的通知\n京政发〔2024〕9号\n各区人民政府：\n" +
            "第一条 为了测试，制定本办法。\n第二条 本办法自发布之日起施行。\n北京市人民政府\n2024年3月1日\n"));

        var run = _cli.Run("ingest", path);

        Assert.Equal(0, run.ExitCode);
        Assert.Contains($"{path}:1: warning GZ1001:", run.Out);
        Assert.Contains("第二条 本办法自发布之日起施行。", _cli.Run("show", "京政发〔2024〕9号").Out);
    }

    [Fact]
    public void An_issue_truncated_at_a_line_keeps_what_is_there_and_fails_per_missing_document()
    {
        var lines = File.ReadAllLines(SampleGazettes.File("2025-12.txt"));
        var path = _cli.Input("2025-12-cut.txt", Encoding.UTF8.GetBytes(string.Join('\n', lines.Take(300))));

        var run = _cli.Run("ingest", path);

        // What is there is stored (an incomplete source); each lost contents entry is an error, so exit 1.
        Assert.Equal(1, run.ExitCode);
        Assert.Matches($"{Regex.Escape(path)}:[0-9]+: error GZ2002: contents entry 15 ", run.Out + run.Err);
        var stored = _cli.Run("toc", "beijing-2025-12");
        Assert.Equal(0, stored.ExitCode);
    }

    [Fact]
    public void An_issue_cut_inside_a_character_is_either_stored_with_warnings_or_refused_naming_the_line()
    {
        var before = _cli.Snapshot();
        var bytes = File.ReadAllBytes(SampleGazettes.File("2024-31.txt"));
        var path = _cli.Input("2024-31-cut.txt", bytes[..40_000]);

        var run = _cli.Run("ingest", path);

        if (run.ExitCode == 0)
        {
            Assert.StartsWith("added     beijing-2024-31", run.Out);
        }
        else
        {
            Assert.Equal(1, run.ExitCode);
            Assert.Matches($"^{Regex.Escape(path)}:[0-9]+: error GZ[0-9]+: ", run.Err);
            Assert.Equal(before, _cli.Snapshot());
        }
    }

    [Fact]
    public void A_missing_path_fails_with_one_line()
    {
        var before = _cli.Snapshot();
        var missing = Path.Combine(_cli.InputDirectory, "nope.txt");

        var run = _cli.Run("ingest", missing);

        Assert.Equal(1, run.ExitCode);
        Assert.Equal($"{missing}: no such file", run.Err.TrimEnd());
        Assert.Equal(before, _cli.Snapshot());
    }

    [Fact]
    public void A_directory_mixing_good_and_bad_files_stores_the_good_ones_and_exits_1()
    {
        var dir = Path.Combine(_cli.InputDirectory, "mixed");
        _cli.Input("mixed/a-empty.txt", []);
        _cli.Input("mixed/b-2024-31.txt", File.ReadAllBytes(SampleGazettes.File("2024-31.txt")));
        _cli.Input("mixed/c-binary.txt", [0x00, 0x01, 0x02, 0xFF, 0x00]);
        _cli.Input("mixed/d-standalone.txt", File.ReadAllBytes(SampleGazettes.File("standalone-jingguangdianfa-2021-93.txt")));

        var run = _cli.Run("ingest", dir);

        Assert.Equal(1, run.ExitCode);
        Assert.Contains("2 of 4 files stored, 2 failed", run.Out);
        Assert.Contains("a-empty.txt: error GZ0001", run.Err);
        Assert.Contains("c-binary.txt", run.Err);
        Assert.Equal(2, run.Err.TrimEnd().Split('\n').Length);
        Assert.Equal(3, _cli.Snapshot().Counts.Sources);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(250)]
    public void A_crash_in_the_middle_of_an_ingest_leaves_the_store_as_before(int failAfterProvisions)
    {
        var before = _cli.Snapshot();
        _cli.StoreOpened = store => store.ProvisionWritten = n =>
        {
            if (n == failAfterProvisions)
            {
                throw new IOException("disk full (injected)");
            }
        };

        var added = _cli.Run("ingest", SampleGazettes.File("2025-12.txt"));
        var replaced = _cli.Run("ingest", "--force", SampleGazettes.File("2021-40.txt"));

        Assert.Equal(1, added.ExitCode);
        Assert.Equal(1, replaced.ExitCode);
        Assert.Contains("2025-12.txt: disk full (injected)", added.Err);
        _cli.StoreOpened = null;
        Assert.Equal(before, _cli.Snapshot());
    }
}
