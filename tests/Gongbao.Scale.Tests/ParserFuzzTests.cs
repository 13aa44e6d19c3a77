using System.Diagnostics;
using System.Text;

using Gongbao.Corpus;
using Gongbao.Domain;
using Gongbao.Parsing;

namespace Gongbao.Scale.Tests;

/// <summary>
/// Generated malformed inputs (random cuts, re-encodings, bracket soup, random bytes, shuffled and
/// duplicated lines) from fixed seeds: the parser either parses or refuses with a
/// <see cref="GazetteFormatException"/> naming the input, never crashes otherwise and never hangs.
/// </summary>
public sealed class ParserFuzzTests
{
    private static readonly TimeSpan PerInput = TimeSpan.FromSeconds(20);
    private static readonly TimeSpan PerSeedBudget = TimeSpan.FromSeconds(12);

    private static readonly Lazy<IReadOnlyList<string>> Bases = new(() =>
        [.. CorpusGenerator.FromSamples(seed: 5).Generate(3).Select(i => i.Text), File.ReadAllText(SampleGazettes.File("standalone-jingguangdianfa-2021-93.txt"))]);

    static ParserFuzzTests() => Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);

    private static readonly string[] Soup =
        ["〔", "〕", "【", "】", "（", "）", "(", ")", "[", "]", "《", "》", "第", "条", "章", "号", "附件", "目 录", "【部门文件】",
         "第一条", "（一）", "1.", "①", "\t", "(12)", "京政发〔2024〕", "北京市人民政府公报", "CONTENTS", "第 3 期", "\u3000", "\u200b", "\uFEFF"];

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    [InlineData(4)]
    [InlineData(5)]
    [InlineData(6)]
    public void Malformed_inputs_parse_or_fail_with_a_clear_GazetteFormatException(int seed)
    {
        var random = new Random(seed);
        var clock = Stopwatch.StartNew();
        var tried = 0;
        var refused = 0;
        while (tried < 8 || clock.Elapsed < PerSeedBudget && tried < 40)
        {
            var kind = (Mutation)random.Next(Enum.GetValues<Mutation>().Length);
            var name = $"fuzz-{seed}-{tried}-{kind}.txt";
            var bytes = Mutate(random, kind, Bases.Value[random.Next(Bases.Value.Count)]);
            var outcome = RunBounded(bytes, name);
            if (outcome is GazetteFormatException refusal)
            {
                Assert.Equal(DiagnosticSeverity.Error, refusal.Diagnostic.Severity);
                Assert.Equal(name, refusal.Diagnostic.File);
                Assert.StartsWith(name + ":", refusal.Message, StringComparison.Ordinal);
                Assert.False(string.IsNullOrWhiteSpace(refusal.Diagnostic.Message), $"{name}: empty message");
                Assert.DoesNotContain("   at ", refusal.Message, StringComparison.Ordinal);
                refused++;
            }
            else if (outcome is Exception crash)
            {
                Assert.Fail($"{name} ({kind}, seed {seed}): {crash.GetType().Name}: {crash.Message}\n{crash.StackTrace}");
            }

            tried++;
        }

        Assert.True(tried >= 8);
        Assert.True(refused <= tried);
    }

    [Fact]
    public void Pure_random_bytes_and_empty_inputs_are_refused_not_crashed()
    {
        var random = new Random(99);
        for (var i = 0; i < 20; i++)
        {
            var bytes = new byte[random.Next(0, 5000)];
            random.NextBytes(bytes);
            var outcome = RunBounded(bytes, $"random-{i}.bin");
            Assert.True(outcome is null or GazetteFormatException, $"random-{i}.bin: {outcome}");
        }

        Assert.IsType<GazetteFormatException>(RunBounded([], "empty.txt"));
    }

    private enum Mutation
    {
        Cut,
        CutBytesMidCharacter,
        DropLines,
        ShuffleLines,
        DuplicateLines,
        BracketSoup,
        RandomBytes,
        Gb18030,
        Utf16,
        Latin1Mojibake,
        HugeLine,
        OnlyContents,
    }

    private static byte[] Mutate(Random random, Mutation kind, string text)
    {
        var lines = text.Split('\n').ToList();
        switch (kind)
        {
            case Mutation.Cut:
                return Encoding.UTF8.GetBytes(text[..random.Next(0, text.Length)]);
            case Mutation.CutBytesMidCharacter:
                var utf8 = Encoding.UTF8.GetBytes(text);
                return utf8[random.Next(0, 2000)..random.Next(utf8.Length / 2, utf8.Length)];
            case Mutation.DropLines:
                return Lines(lines.Where(_ => random.Next(4) != 0));
            case Mutation.ShuffleLines:
                return Lines(lines.OrderBy(_ => random.Next()));
            case Mutation.DuplicateLines:
                return Lines(lines.SelectMany(l => random.Next(6) == 0 ? Enumerable.Repeat(l, random.Next(2, 50)) : [l]));
            case Mutation.BracketSoup:
                var sb = new StringBuilder(text.Length * 2);
                foreach (var c in text)
                {
                    sb.Append(c);
                    if (random.Next(15) == 0)
                    {
                        for (var k = random.Next(1, 12); k > 0; k--)
                        {
                            sb.Append(Soup[random.Next(Soup.Length)]);
                        }
                    }
                }

                return Encoding.UTF8.GetBytes(sb.ToString());
            case Mutation.RandomBytes:
                var bytes = Encoding.UTF8.GetBytes(text);
                for (var k = random.Next(1, 200); k > 0; k--)
                {
                    bytes[random.Next(bytes.Length)] = (byte)random.Next(256);
                }

                return bytes;
            case Mutation.Gb18030:
                return Encoding.GetEncoding("GB18030").GetBytes(text);
            case Mutation.Utf16:
                return [.. Encoding.Unicode.GetPreamble(), .. Encoding.Unicode.GetBytes(text)];
            case Mutation.Latin1Mojibake:
                return Encoding.UTF8.GetBytes(Encoding.Latin1.GetString(Encoding.UTF8.GetBytes(text)));
            case Mutation.HugeLine:
                lines.Insert(random.Next(lines.Count), string.Concat(Enumerable.Repeat("第一条（一）〔", 40_000)));
                return Lines(lines);
            case Mutation.OnlyContents:
                var contents = lines.FindIndex(l => l.Contains("目 录", StringComparison.Ordinal) || l.Contains("目录", StringComparison.Ordinal));
                return Lines(lines.Take(Math.Max(1, contents + random.Next(1, 30))));
            default:
                throw new ArgumentOutOfRangeException(nameof(kind));
        }
    }

    private static byte[] Lines(IEnumerable<string> lines) => Encoding.UTF8.GetBytes(string.Join('\n', lines));

    /// <summary>Decodes and parses on a worker, failing the test if it takes longer than <see cref="PerInput"/>; returns the exception thrown, or null.</summary>
    private static Exception? RunBounded(byte[] bytes, string name)
    {
        var work = Task.Run(() =>
        {
            var decoded = GazetteReader.Decode(bytes, name);
            var issue = new GazetteParser().Parse(decoded.Text, name, decoded.Sha256);
            // The model must be usable: every document has a body and IDs.
            foreach (var document in issue.Documents)
            {
                Assert.False(string.IsNullOrEmpty(document.Id));
                _ = document.AllProvisions().Count();
            }
        });
        try
        {
            if (!work.Wait(PerInput))
            {
                Assert.Fail($"{name}: no result within {PerInput.TotalSeconds} s (hang)");
            }

            return null;
        }
        catch (AggregateException ex) when (ex.InnerException is not null and not Xunit.Sdk.XunitException)
        {
            return ex.InnerException;
        }
    }
}
