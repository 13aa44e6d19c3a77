using Lucene.Net.Analysis.Core;
using Lucene.Net.Documents;
using Lucene.Net.Index;
using Lucene.Net.Store;

namespace Gongbao.Search.Tests;

/// <summary>The stored-fields decompressor that stops at the entry read returns every entry exactly as written.</summary>
public sealed class StoredFieldsCodecTests
{
    [Fact]
    public void Every_stored_entry_reads_back_as_written_whatever_its_place_in_its_chunk()
    {
        GazetteCodec.Register();
        var random = new Random(7);
        // Short and long entries: several per 32 KB chunk, entries crossing chunk ends, and entries larger than two
        // chunks (Lucene splits those into several compressed blocks).
        var texts = Enumerable.Range(0, 400).Select(i => Text(random, i % 50 == 7 ? 70_000 : random.Next(0, 3_000))).ToList();
        using var directory = new RAMDirectory();
        using (var writer = new IndexWriter(directory, new IndexWriterConfig(ChineseAnalyzer.Version, new WhitespaceAnalyzer(ChineseAnalyzer.Version)) { Codec = new GazetteCodec() }))
        {
            foreach (var text in texts)
            {
                writer.AddDocument(new Document { new StoredField("text", text), new StoredField("n", text.Length) });
            }
        }

        using var reader = DirectoryReader.Open(directory);
        Assert.Equal(texts.Count, reader.MaxDoc);
        // Out of order and repeated, as hits are read.
        foreach (var doc in Enumerable.Range(0, texts.Count).OrderBy(_ => random.Next()).Concat([3, 3, 0, texts.Count - 1]))
        {
            var stored = reader.Document(doc);
            Assert.Equal(texts[doc], stored.Get("text"));
            Assert.Equal(texts[doc].Length, stored.GetField("n").GetInt32Value());
        }
    }

    private static string Text(Random random, int length)
    {
        var chars = new char[length];
        for (var i = 0; i < length; i++)
        {
            // Han text with some repetition (compressible) and some noise.
            chars[i] = random.Next(4) == 0 ? (char)random.Next(0x4E00, 0x9FA5) : "北京市人民政府关于印发管理办法的通知"[random.Next(18)];
        }

        return new string(chars);
    }
}
