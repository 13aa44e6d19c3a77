using System.IO.Compression;

using Lucene.Net.Codecs.Compressing;
using Lucene.Net.Index;
using Lucene.Net.Store;
using Lucene.Net.Util;

using LuceneCompressionMode = Lucene.Net.Codecs.Compressing.CompressionMode;

namespace Gongbao.Search;

/// <summary>
/// Lucene's deflate mode (<see cref="LuceneCompressionMode.HIGH_COMPRESSION"/>: the same compressor, the same bytes on
/// disk) with a decompressor that inflates a chunk only up to the end of the entry asked for, into reused buffers.
/// Lucene.NET's own inflates the whole 32 KB chunk into fresh streams and arrays for every stored entry read, which was
/// most of the cost of showing a page of hits; LZ4 in Lucene also stops at the entry.
/// </summary>
internal sealed class PrefixDeflate : LuceneCompressionMode
{
    public static readonly PrefixDeflate Mode = new();

    private PrefixDeflate()
    {
    }

    public override Compressor NewCompressor() => HIGH_COMPRESSION.NewCompressor();

    public override Decompressor NewDecompressor() => new PrefixDecompressor();

    public override string ToString() => "PREFIX_DEFLATE";

    private sealed class PrefixDecompressor : Decompressor
    {
        private byte[] _compressed = [];

        public override void Decompress(DataInput input, int originalLength, int offset, int length, BytesRef bytes)
        {
            if (length == 0)
            {
                bytes.Length = 0;
                return;
            }

            var compressedLength = input.ReadVInt32();
            if (compressedLength > _compressed.Length)
            {
                _compressed = new byte[ArrayUtil.Oversize(compressedLength, 1)];
            }

            input.ReadBytes(_compressed, 0, compressedLength);
            var needed = offset + length;
            if (needed > originalLength)
            {
                throw new CorruptIndexException($"stored entry ends at {needed}, after its chunk ({originalLength} bytes) (resource={input})");
            }

            // The caller's buffer is reused as Lucene's LZ4 decompressor reuses it.
            var output = bytes.Bytes is { } b && b.Length >= needed ? b : new byte[ArrayUtil.Oversize(needed, 1)];
            using (var source = new MemoryStream(_compressed, 0, compressedLength, writable: false))
            using (var inflater = new DeflateStream(source, System.IO.Compression.CompressionMode.Decompress))
            {
                var read = 0;
                while (read < needed)
                {
                    var n = inflater.Read(output, read, needed - read);
                    if (n == 0)
                    {
                        throw new CorruptIndexException($"stored fields chunk inflates to {read} bytes, fewer than the {needed} its entry needs (resource={input})");
                    }

                    read += n;
                }
            }

            bytes.Bytes = output;
            bytes.Offset = offset;
            bytes.Length = length;
        }

        public override object Clone() => new PrefixDecompressor();
    }
}
