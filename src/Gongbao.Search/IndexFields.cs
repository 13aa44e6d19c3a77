using Lucene.Net.Analysis;
using Lucene.Net.Analysis.TokenAttributes;
using Lucene.Net.Analysis.Util;
using Lucene.Net.Documents;

namespace Gongbao.Search;

/// <summary>
/// Index fields that index exactly what Lucene's <see cref="StringField"/> and <see cref="Int32Field"/> index, without
/// creating a token stream per field instance. Lucene makes each new field its own stream (an attribute source built by
/// reflection under a global lock); an entry has about ten such fields and an ingest hundreds of thousands of entries,
/// so that was a quarter of the time spent adding entries. Here each thread has one stream of each kind, set to the
/// field's value when the indexing chain asks for it (the chain consumes one field's stream before asking for the next).
/// </summary>
internal static class IndexFields
{
    /// <summary>As <c>new StringField(name, value, store)</c>.</summary>
    public static Field Keyword(string name, string value, Field.Store store) =>
        new KeywordField(name, value, store == Field.Store.YES ? StringField.TYPE_STORED : StringField.TYPE_NOT_STORED);

    /// <summary>As <c>new Int32Field(name, value, Field.Store.NO)</c>.</summary>
    public static Field Int32(string name, int value) => new Int32IndexField(name, value);

    private sealed class KeywordField(string name, string value, FieldType type) : Field(name, value, type)
    {
        [ThreadStatic]
        private static SingleTermStream? t_stream;

        public override TokenStream GetTokenStream(Analyzer analyzer)
        {
            var stream = t_stream ??= new SingleTermStream();
            stream.SetValue(GetStringValue() ?? throw new InvalidOperationException($"Field '{Name}' has no value."));
            return stream;
        }
    }

    // Int32Field's index options without its numeric type: the field supplies the numeric stream itself, so it needs no
    // numeric value (which only Lucene's own numeric fields can hold). Field infos keep no numeric type: the index is the same.
    private static readonly FieldType Int32IndexType = NewInt32IndexType();

    private static FieldType NewInt32IndexType()
    {
        var type = new FieldType(Int32Field.TYPE_NOT_STORED) { NumericType = NumericType.NONE };
        type.Freeze();
        return type;
    }

    private sealed class Int32IndexField(string name, int value)
        : Field(name, value.ToString(System.Globalization.CultureInfo.InvariantCulture), Int32IndexType)
    {
        [ThreadStatic]
        private static NumericTokenStream? t_stream;

        private readonly int _value = value;

        public override TokenStream GetTokenStream(Analyzer analyzer) =>
            (t_stream ??= new NumericTokenStream(Int32Field.TYPE_NOT_STORED.NumericPrecisionStep)).SetInt32Value(_value);
    }

    /// <summary>Lucene's StringTokenStream: the whole value as one term, offsets 0..length.</summary>
    private sealed class SingleTermStream : TokenStream
    {
        private readonly ICharTermAttribute _term;
        private readonly IOffsetAttribute _offset;
        private string _value = "";
        private bool _used;

        public SingleTermStream()
        {
            _term = AddAttribute<ICharTermAttribute>();
            _offset = AddAttribute<IOffsetAttribute>();
        }

        public void SetValue(string value) => _value = value;

        public override bool IncrementToken()
        {
            if (_used)
            {
                return false;
            }

            ClearAttributes();
            _term.Append(_value);
            _offset.SetOffset(0, _value.Length);
            _used = true;
            return true;
        }

        public override void End()
        {
            base.End();
            _offset.SetOffset(_value.Length, _value.Length);
        }

        public override void Reset() => _used = false;
    }
}

/// <summary>
/// <see cref="Lucene.Net.Analysis.Core.LowerCaseFilter"/> that skips the culture-aware lowering (ICU, per token) for
/// tokens that lowering cannot change — lowercase ASCII letters, digits and Han ideographs, i.e. nearly every token of
/// gazette text — and lowers every other token exactly as that filter does.
/// </summary>
internal sealed class LowerCaseUnlessCaselessFilter : TokenFilter
{
    private readonly CharacterUtils _characters = CharacterUtils.GetInstance(ChineseAnalyzer.Version);
    private readonly ICharTermAttribute _term;

    public LowerCaseUnlessCaselessFilter(TokenStream input)
        : base(input) => _term = AddAttribute<ICharTermAttribute>();

    public override bool IncrementToken()
    {
        if (!m_input.IncrementToken())
        {
            return false;
        }

        var buffer = _term.Buffer;
        var length = _term.Length;
        for (var i = 0; i < length; i++)
        {
            if (!Caseless(buffer[i]))
            {
                _characters.ToLower(buffer, 0, length);
                break;
            }
        }

        return true;
    }

    /// <summary>Characters every culture lowers to themselves.</summary>
    internal static bool Caseless(char c) =>
        c is (>= 'a' and <= 'z') or (>= '0' and <= '9') or (>= '\u3400' and <= '\u4DBF') or (>= '\u4E00' and <= '\u9FFF');
}
