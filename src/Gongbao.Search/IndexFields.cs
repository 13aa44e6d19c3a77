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

    /// <summary>
    /// A text value that many entries index under the same field (a document's titles, repeated on every provision entry),
    /// analysed once: the first entry's field runs the index's analyzer and records what it emits, the others replay that.
    /// </summary>
    public static Field AnalysedOnceText(string name, AnalysedOnce value) => new AnalysedOnceField(name, value);

    /// <summary>The recorded analysis of one text value, shared by the fields of one thread's entries.</summary>
    internal sealed class AnalysedOnce(string text)
    {
        private TokenRecording? _recording;

        public string Text { get; } = text;

        /// <summary>The analysis of <see cref="Text"/> under <paramref name="field"/>, recorded on first use (again if the analyzer or field differs).</summary>
        public TokenStream Stream(Analyzer analyzer, string field)
        {
            if (_recording is null || !_recording.Matches(analyzer, field))
            {
                _recording = TokenRecording.Of(analyzer, field, Text);
            }

            return TokenRecording.Replay(_recording);
        }
    }

    /// <summary>
    /// What an analyzer emitted for one value of one field: each token's term, position increment and offsets, and the state
    /// after End — everything Lucene's indexing chain reads from a stream without payloads.
    /// </summary>
    internal sealed class TokenRecording
    {
        private readonly Analyzer _analyzer;
        private readonly string _field;
        private readonly char[] _chars;
        private readonly int[] _termEnds;
        private readonly int[] _increments;
        private readonly int[] _starts;
        private readonly int[] _ends;
        private readonly int _endIncrement;
        private readonly int _endStart;
        private readonly int _endOffset;

        private TokenRecording(Analyzer analyzer, string field, char[] chars, int[] termEnds, int[] increments, int[] starts, int[] ends, (int Increment, int Start, int Offset) end)
        {
            (_analyzer, _field, _chars, _termEnds, _increments, _starts, _ends) = (analyzer, field, chars, termEnds, increments, starts, ends);
            (_endIncrement, _endStart, _endOffset) = end;
        }

        public bool Matches(Analyzer analyzer, string field) => ReferenceEquals(analyzer, _analyzer) && field == _field;

        public static TokenRecording Of(Analyzer analyzer, string field, string text)
        {
            var chars = new System.Text.StringBuilder(text.Length * 2);
            var termEnds = new List<int>();
            var increments = new List<int>();
            var starts = new List<int>();
            var ends = new List<int>();
            using var stream = analyzer.GetTokenStream(field, text);
            var term = stream.AddAttribute<ICharTermAttribute>();
            var increment = stream.AddAttribute<IPositionIncrementAttribute>();
            var offset = stream.AddAttribute<IOffsetAttribute>();
            // Replaying only term, position and offset is exact only if the indexing chain would read nothing else.
            if (stream.HasAttribute<IPayloadAttribute>())
            {
                throw new InvalidOperationException($"The analysis of field '{field}' has payloads, which a recording does not keep.");
            }

            stream.Reset();
            while (stream.IncrementToken())
            {
                chars.Append(term.Buffer, 0, term.Length);
                termEnds.Add(chars.Length);
                increments.Add(increment.PositionIncrement);
                starts.Add(offset.StartOffset);
                ends.Add(offset.EndOffset);
            }

            stream.End();
            var end = (increment.PositionIncrement, offset.StartOffset, offset.EndOffset);
            var all = new char[chars.Length];
            chars.CopyTo(0, all, 0, all.Length);
            return new TokenRecording(analyzer, field, all, [.. termEnds], [.. increments], [.. starts], [.. ends], end);
        }

        /// <summary>This thread's replay stream, set to <paramref name="recording"/> (the chain consumes one field's stream before asking for the next).</summary>
        public static TokenStream Replay(TokenRecording recording) => (t_replay ??= new ReplayStream()).Start(recording);

        [ThreadStatic]
        private static ReplayStream? t_replay;

        /// <summary>Emits a recording's tokens with the attributes the indexing chain reads (term, position increment, offset).</summary>
        private sealed class ReplayStream : TokenStream
        {
            private readonly ICharTermAttribute _term;
            private readonly IPositionIncrementAttribute _increment;
            private readonly IOffsetAttribute _offset;
            private TokenRecording? _source;
            private int _next;

            public ReplayStream()
            {
                _term = AddAttribute<ICharTermAttribute>();
                _increment = AddAttribute<IPositionIncrementAttribute>();
                _offset = AddAttribute<IOffsetAttribute>();
            }

            public ReplayStream Start(TokenRecording source)
            {
                _source = source;
                _next = 0;
                return this;
            }

            public override bool IncrementToken()
            {
                var s = _source!;
                if (_next >= s._termEnds.Length)
                {
                    return false;
                }

                ClearAttributes();
                var start = _next == 0 ? 0 : s._termEnds[_next - 1];
                _term.CopyBuffer(s._chars, start, s._termEnds[_next] - start);
                _increment.PositionIncrement = s._increments[_next];
                _offset.SetOffset(s._starts[_next], s._ends[_next]);
                _next++;
                return true;
            }

            public override void End()
            {
                base.End();
                _increment.PositionIncrement = _source!._endIncrement;
                _offset.SetOffset(_source._endStart, _source._endOffset);
            }

            public override void Reset() => _next = 0;
        }
    }

    private sealed class AnalysedOnceField(string name, AnalysedOnce value) : Field(name, value.Text, TextField.TYPE_NOT_STORED)
    {
        public override TokenStream GetTokenStream(Analyzer analyzer) => value.Stream(analyzer, Name);
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
