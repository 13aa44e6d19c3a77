using System.Text;

using Gongbao.Citations;
using Gongbao.Corpus;
using Gongbao.Parsing;
using Gongbao.Storage;

namespace Gongbao.Scale.Tests;

/// <summary>
/// Malformed citations from fixed seeds against a store holding generated issues: the resolver
/// answers every one (resolved, or an error message), never throws, never hangs.
/// </summary>
public sealed class CitationFuzzTests : IDisposable
{
    private static readonly string[] Pieces =
        ["京规自发", "〔", "〕", "[", "]", "（", "）", "2101", "2024", "1", "122", "号", "第", "条", "款", "项", "目", "八", "十二", "百",
         "零", "《", "》", "北京市", "管理办法", "通知", "关于印发", "的", " ", "\t", "\u0000", "\uFFFD", "Art. 8", "第-1条", "第99999999999条", "号号号"];

    private readonly string _directory = Directory.CreateTempSubdirectory("gongbao-citefuzz-").FullName;

    public void Dispose()
    {
        try
        {
            Directory.Delete(_directory, recursive: true);
        }
        catch (IOException)
        {
            // Best effort: a leftover temp folder is harmless.
        }
    }

    [Fact]
    public async Task Malformed_citations_get_an_answer_not_an_exception()
    {
        using var store = SqliteGazetteStore.OpenDirectory(_directory);
        var parser = new GazetteParser();
        var generated = CorpusGenerator.FromSamples(seed: 3).Generate(2).ToList();
        foreach (var g in generated)
        {
            store.Ingest(parser.Parse(g.Text, g.FileName, g.FileName));
        }

        var resolver = new CitationResolver(store);
        var random = new Random(17);
        var real = generated.SelectMany(g => g.DocumentIds).ToList();
        var answered = 0;
        var resolved = 0;
        for (var i = 0; i < 400; i++)
        {
            var query = Malformed(random, real);
            CitationResolution answer;
            try
            {
                answer = await Task.Run(() => resolver.Resolve(query)).WaitAsync(TimeSpan.FromSeconds(10));
            }
            catch (TimeoutException)
            {
                Assert.Fail($"no answer within 10 s for '{query[..Math.Min(200, query.Length)]}'");
                throw;
            }

            Assert.True(answer.Resolved || !string.IsNullOrWhiteSpace(answer.Error), $"'{query}': neither resolved nor an error");
            answered++;
            resolved += answer.Resolved ? 1 : 0;
        }

        Assert.Equal(400, answered);
        Assert.True(resolved < answered, "the malformed inputs must not all resolve");
    }

    private static string Malformed(Random random, List<string> realIds)
    {
        var sb = new StringBuilder();
        if (random.Next(3) == 0)
        {
            // A real citation, cut or garbled.
            var id = realIds[random.Next(realIds.Count)];
            var text = id + "第" + random.Next(1, 40) + "条";
            sb.Append(random.Next(2) == 0 ? text[..random.Next(text.Length + 1)] : text);
        }

        for (var k = random.Next(0, 25); k > 0; k--)
        {
            sb.Append(Pieces[random.Next(Pieces.Length)]);
        }

        if (random.Next(10) == 0)
        {
            sb.Append(new string('〔', random.Next(1000, 20000)));
        }

        return sb.ToString();
    }
}
