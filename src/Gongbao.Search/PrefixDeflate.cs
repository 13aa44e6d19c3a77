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

    /// <summary>
    /// Inflates a chunk up to the entry asked for, and keeps that chunk's inflater: an entry further on in the same chunk
    /// (a document entry, then its best provision; a page's hits read in index order) continues where the last read
    /// stopped instead of inflating the chunk again from its start. One chunk per reader instance (Lucene clones one per
    /// thread), so memory stays bounded.
    /// </summary>
    private sealed class PrefixDecompressor : Decompressor
    {
        private byte[] _compressed = [];
        private byte[] _inflated = [];

        // The chunk inflated last: its input, where its compressed bytes start and end, and how far it is inflated.
        private IndexInput? _chunkInput;
        private long _chunkStart = -1;
        private long _chunkEnd;
        private int _chunkLength;
        private int _inflatedLength;
        private DeflateStream? _inflater;

        public override void Decompress(DataInput input, int originalLength, int offset, int length, BytesRef bytes)
        {
            if (length == 0)
            {
                bytes.Length = 0;
                return;
            }

            var needed = offset + length;
            if (needed > originalLength)
            {
                throw new CorruptIndexException($"stored entry ends at {needed}, after its chunk ({originalLength} bytes) (resource={input})");
            }

            var indexInput = input as IndexInput;
            var start = indexInput?.Position ?? -1;
            if (indexInput is null || !ReferenceEquals(indexInput, _chunkInput) || start != _chunkStart || originalLength != _chunkLength)
            {
                Start(input, originalLength);
                (_chunkInput, _chunkStart, _chunkEnd) = (indexInput, start, indexInput?.Position ?? -1);
            }
            else
            {
                // The same chunk again: leave the input after its compressed bytes, as reading them would (merges read on from there).
                indexInput.Seek(_chunkEnd);
            }

            while (_inflatedLength < needed)
            {
                var n = _inflater!.Read(_inflated, _inflatedLength, needed - _inflatedLength);
                if (n == 0)
                {
                    var read = _inflatedLength;
                    Forget();
                    throw new CorruptIndexException($"stored fields chunk inflates to {read} bytes, fewer than the {needed} its entry needs (resource={input})");
                }

                _inflatedLength += n;
            }

            // The entry is copied out: the chunk stays ours to go on from, and callers holding two buffers (a merge copies
            // from one into the other) never get the same array.
            if (bytes.Bytes is not { } output || output.Length < length)
            {
                output = new byte[ArrayUtil.Oversize(length, 1)];
            }

            Buffer.BlockCopy(_inflated, offset, output, 0, length);
            bytes.Bytes = output;
            bytes.Offset = 0;
            bytes.Length = length;
        }

        // Reads a chunk's compressed bytes and starts inflating it from the beginning.
        private void Start(DataInput input, int originalLength)
        {
            Forget();
            var compressedLength = input.ReadVInt32();
            if (compressedLength > _compressed.Length)
            {
                _compressed = new byte[ArrayUtil.Oversize(compressedLength, 1)];
            }

            input.ReadBytes(_compressed, 0, compressedLength);
            if (originalLength > _inflated.Length)
            {
                _inflated = new byte[ArrayUtil.Oversize(originalLength, 1)];
            }

            _inflater = new DeflateStream(new MemoryStream(_compressed, 0, compressedLength, writable: false), System.IO.Compression.CompressionMode.Decompress);
            _chunkLength = originalLength;
        }

        private void Forget()
        {
            _inflater?.Dispose();
            _inflater = null;
            _chunkInput = null;
            _chunkStart = -1;
            _inflatedLength = 0;
        }

        public override object Clone() => new PrefixDecompressor();
    }
}
