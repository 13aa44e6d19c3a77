using Lucene.Net.Codecs;
using Lucene.Net.Codecs.Compressing;
using Lucene.Net.Codecs.Lucene46;

namespace Gongbao.Search;

/// <summary>
/// Lucene 4.6's codec with stored fields compressed by deflate in 32 KB chunks instead of LZ4 in 16 KB:
/// the stored provision texts are most of the index, and Chinese UTF-8 shrinks about twice as much with
/// deflate. A page of hits reads a few dozen entries; <see cref="PrefixDeflate"/> (Lucene's deflate bytes) inflates each
/// chunk only up to the entry read.
/// Registered by name (<see cref="Register"/>), as segments name the codec that wrote them.
/// </summary>
[CodecName("Gongbao46")]
public sealed class GazetteCodec : FilterCodec
{
    private readonly StoredFieldsFormat _storedFields = new CompressingStoredFieldsFormat("GongbaoStoredFields", PrefixDeflate.Mode, 1 << 15);

    public GazetteCodec()
        : base(new Lucene46Codec())
    {
    }

    public override StoredFieldsFormat StoredFieldsFormat => _storedFields;

    private static readonly Lazy<bool> Registration = new(() =>
    {
        Codec.SetCodecFactory(new DefaultCodecFactory { CustomCodecTypes = [typeof(GazetteCodec)] });
        return true;
    });

    /// <summary>Makes the codec known to readers (idempotent; before the first index is opened).</summary>
    public static void Register() => _ = Registration.Value;
}
