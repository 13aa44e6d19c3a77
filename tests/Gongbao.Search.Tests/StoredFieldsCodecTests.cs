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
        using (var writer = NewWriter(directory))
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

    [Fact]
    public void Reads_that_go_on_in_the_chunk_last_inflated_and_merges_that_decompress_read_every_entry_as_written()
    {
        GazetteCodec.Register();
        var random = new Random(11);
        var texts = Enumerable.Range(0, 300).Select(i => Text(random, i % 60 == 5 ? 70_000 : random.Next(0, 2_000))).ToList();
        using var directory = new RAMDirectory();
        using (var writer = NewWriter(directory))
        {
            for (var i = 0; i < texts.Count; i++)
            {
                writer.AddDocument(new Document { new StringField("id", i.ToString(System.Globalization.CultureInfo.InvariantCulture), Field.Store.YES), new StoredField("text", texts[i]) });
                if (i % 100 == 99)
                {
                    writer.Commit(); // several segments, merged below
                }
            }
        }

        using (var reader = DirectoryReader.Open(directory))
        {
            // In index order (each read goes on in the chunk of the last), backwards in a chunk, the same entry twice,
            // and jumps between chunks and back.
            var order = Enumerable.Range(0, texts.Count).Concat(Enumerable.Range(0, texts.Count).Reverse())
                .Concat([10, 10, 11, 200, 12, 199, 13]).Concat(Enumerable.Range(0, texts.Count).Where(d => d % 3 == 0));
            foreach (var doc in order)
            {
                Assert.Equal(texts[doc], reader.Document(doc).Get("text"));
            }
        }

        // A merge with deletions re-encodes the kept entries through the decompressor; then every kept entry reads back.
        using (var writer = NewWriter(directory))
        {
            for (var i = 0; i < texts.Count; i += 7)
            {
                writer.DeleteDocuments(new Term("id", i.ToString(System.Globalization.CultureInfo.InvariantCulture)));
            }

            writer.ForceMerge(1);
        }

        using (var reader = DirectoryReader.Open(directory))
        {
            Assert.Single(reader.Leaves);
            Assert.Equal(texts.Count - ((texts.Count + 6) / 7), reader.NumDocs);
            for (var d = 0; d < reader.MaxDoc; d++)
            {
                var stored = reader.Document(d);
                Assert.Equal(texts[int.Parse(stored.Get("id"), System.Globalization.CultureInfo.InvariantCulture)], stored.Get("text"));
            }
        }
    }

    private static IndexWriter NewWriter(Lucene.Net.Store.Directory directory) =>
        new(directory, new IndexWriterConfig(ChineseAnalyzer.Version, new WhitespaceAnalyzer(ChineseAnalyzer.Version)) { Codec = new GazetteCodec() });

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
