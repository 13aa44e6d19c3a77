using System.Text;

using Gongbao.Domain;

namespace Gongbao.Storage.Relational;

/// <summary>
/// The stored body of one document group (a top-level document and its instruments): each document's
/// text and its provision tree in one compressed value (<c>document_bodies.body</c>). The text is kept
/// once: a provision whose text occurs in its document's text is stored as a position in it (almost all
/// do), any other as itself. Provisions are written depth-first, as the row layout numbered them, so
/// reading back rebuilds the same trees in the same order.
/// </summary>
public static class DocumentBodyCodec
{
    private const byte Format = 1;

    private enum IdForm : byte
    {
        Literal = 0,
        UnderParent = 1, // parent ID + "/" + suffix
        DocumentId = 2,
    }

    private enum TextForm : byte
    {
        Empty = 0,
        InDocument = 1, // offset (relative to the end of the previous match) and length in the document text
        Literal = 2,
    }

    /// <summary>Builds one group's body, one document at a time in seq order.</summary>
    public sealed class Writer
    {
        private readonly MemoryStream _raw = new();
        private readonly BinaryWriter _out;

        public Writer()
        {
            _out = new BinaryWriter(_raw, Encoding.UTF8, leaveOpen: true);
            _out.Write(Format);
        }

        public int Provisions { get; private set; }

        /// <summary>Adds a document; <paramref name="provisionWritten"/> sees each provision in depth-first order.</summary>
        public void Add(int seq, GazetteDocument document, Action<Provision>? provisionWritten = null)
        {
            var text = document.Text;
            _out.Write7BitEncodedInt(seq);
            _out.Write(text);
            var all = DepthFirst(document);
            _out.Write7BitEncodedInt(all.Count);
            var cursor = 0;
            foreach (var (p, parent) in all)
            {
                _out.Write7BitEncodedInt(p.Children.Count);
                WriteId(p.Id, parent?.Id, document.Id);
                _out.Write((byte)p.Kind);
                _out.Write7BitEncodedInt(p.Ordinal);
                WriteOptional(p.Label);
                WriteOptional(p.Number);
                WriteOptional(p.Heading);
                cursor = WriteText(p.Text, text, cursor);
                _out.Write7BitEncodedInt(p.Span.StartLine);
                _out.Write7BitEncodedInt(p.Span.EndLine);
                WriteCells(p.Cells);
                Provisions++;
                provisionWritten?.Invoke(p);
            }
        }

        /// <summary>
        /// The document's provisions with their parents, in the order a body holds them and <see cref="Add"/> reports them
        /// (depth first, the document's own body first).
        /// </summary>
        public static List<(Provision Node, Provision? Parent)> DepthFirst(GazetteDocument document)
        {
            ArgumentNullException.ThrowIfNull(document);
            var all = new List<(Provision Node, Provision? Parent)>();
            var stack = new Stack<(Provision Node, Provision? Parent)>();
            stack.Push((document.Body, null));
            while (stack.Count > 0)
            {
                var (p, parent) = stack.Pop();
                all.Add((p, parent));
                for (var i = p.Children.Count - 1; i >= 0; i--)
                {
                    stack.Push((p.Children[i], p));
                }
            }

            return all;
        }

        /// <summary>The compressed body of the documents added so far.</summary>
        public byte[] ToBody()
        {
            _out.Flush();
            return StoredBlob.Compress(_raw.GetBuffer().AsSpan(0, (int)_raw.Length));
        }

        private void WriteId(string id, string? parentId, string documentId)
        {
            if (parentId is null && id == documentId)
            {
                _out.Write((byte)IdForm.DocumentId);
            }
            else if (parentId is not null && id.Length > parentId.Length + 1 && id.StartsWith(parentId, StringComparison.Ordinal) && id[parentId.Length] == '/')
            {
                _out.Write((byte)IdForm.UnderParent);
                _out.Write(id[(parentId.Length + 1)..]);
            }
            else
            {
                _out.Write((byte)IdForm.Literal);
                _out.Write(id);
            }
        }

        private int WriteText(string text, string documentText, int cursor)
        {
            if (text.Length == 0)
            {
                _out.Write((byte)TextForm.Empty);
                return cursor;
            }

            var at = documentText.IndexOf(text, cursor, StringComparison.Ordinal);
            if (at < 0)
            {
                at = documentText.IndexOf(text, StringComparison.Ordinal);
            }

            if (at < 0)
            {
                _out.Write((byte)TextForm.Literal);
                _out.Write(text);
                return cursor;
            }

            _out.Write((byte)TextForm.InDocument);
            var delta = at - cursor;
            _out.Write7BitEncodedInt((delta << 1) ^ (delta >> 31)); // zigzag: back references are rare but possible
            _out.Write7BitEncodedInt(text.Length);
            return at + text.Length;
        }

        private void WriteOptional(string? value)
        {
            _out.Write(value is not null);
            if (value is not null)
            {
                _out.Write(value);
            }
        }

        private void WriteOptional(int? value)
        {
            _out.Write(value is not null);
            if (value is { } v)
            {
                _out.Write7BitEncodedInt(v);
            }
        }

        private void WriteCells(IReadOnlyList<IReadOnlyList<string>>? cells)
        {
            if (cells is null)
            {
                _out.Write7BitEncodedInt(0);
                return;
            }

            _out.Write7BitEncodedInt(cells.Count + 1);
            foreach (var row in cells)
            {
                _out.Write7BitEncodedInt(row.Count);
                foreach (var cell in row)
                {
                    _out.Write(cell);
                }
            }
        }
    }

    /// <summary>One document of a decoded body: its text, provision tree and provisions in depth-first order.</summary>
    public sealed record Document(int Seq, string Text, Provision Body, IReadOnlyList<Provision> Provisions);

    /// <summary>The uncompressed form (what a content digest hashes: independent of the compressor's output).</summary>
    public static byte[] Uncompressed(byte[] body) => StoredBlob.Decompress(body);

    public static IReadOnlyList<Document> Read(byte[] body, Func<int, string> documentIdOfSeq)
    {
        ArgumentNullException.ThrowIfNull(documentIdOfSeq);
        var raw = StoredBlob.Decompress(body);
        if (raw.Length < 1 || raw[0] != Format)
        {
            throw new InvalidDataException($"document body format {(raw.Length > 0 ? raw[0] : -1)} is not {Format}");
        }

        using var input = new BinaryReader(new MemoryStream(raw, 1, raw.Length - 1), Encoding.UTF8);
        var documents = new List<Document>();
        while (input.BaseStream.Position < input.BaseStream.Length)
        {
            var seq = input.Read7BitEncodedInt();
            var documentId = documentIdOfSeq(seq);
            var text = input.ReadString();
            var count = input.Read7BitEncodedInt();
            var provisions = new List<Provision>(count);
            var open = new Stack<(Provision Node, int Remaining)>();
            var cursor = 0;
            for (var i = 0; i < count; i++)
            {
                var children = input.Read7BitEncodedInt();
                var parent = open.Count > 0 ? open.Peek().Node : null;
                var id = (IdForm)input.ReadByte() switch
                {
                    IdForm.DocumentId => documentId,
                    IdForm.UnderParent => (parent ?? throw Bad(seq, "a root provision's ID is relative")).Id + "/" + input.ReadString(),
                    IdForm.Literal => input.ReadString(),
                    var form => throw Bad(seq, $"unknown ID form {form}"),
                };
                var kind = (ProvisionKind)input.ReadByte();
                var ordinal = input.Read7BitEncodedInt();
                var label = ReadOptionalString(input);
                var number = input.ReadBoolean() ? input.Read7BitEncodedInt() : (int?)null;
                var heading = ReadOptionalString(input);
                string provisionText;
                switch ((TextForm)input.ReadByte())
                {
                    case TextForm.Empty:
                        provisionText = "";
                        break;
                    case TextForm.InDocument:
                        var zigzag = input.Read7BitEncodedInt();
                        var at = cursor + ((int)((uint)zigzag >> 1) ^ -(zigzag & 1));
                        var length = input.Read7BitEncodedInt();
                        if (at < 0 || length < 0 || at + length > text.Length)
                        {
                            throw Bad(seq, $"provision {id} points outside its document text");
                        }

                        provisionText = text.Substring(at, length);
                        cursor = at + length;
                        break;
                    case TextForm.Literal:
                        provisionText = input.ReadString();
                        break;
                    default:
                        throw Bad(seq, "unknown text form");
                }

                var start = input.Read7BitEncodedInt();
                var end = input.Read7BitEncodedInt();
                var p = new Provision
                {
                    Id = id,
                    Kind = kind,
                    Ordinal = ordinal,
                    Label = label,
                    Number = number,
                    Heading = heading,
                    Text = provisionText,
                    Span = new SourceSpan(start, end),
                    Cells = ReadCells(input),
                };
                provisions.Add(p);
                if (open.Count > 0)
                {
                    var (node, remaining) = open.Pop();
                    node.Children.Add(p);
                    if (remaining > 1)
                    {
                        open.Push((node, remaining - 1));
                    }
                }
                else if (i > 0)
                {
                    throw Bad(seq, "provisions after the tree was complete");
                }

                if (children > 0)
                {
                    open.Push((p, children));
                }
            }

            if (count == 0 || open.Count > 0)
            {
                throw Bad(seq, "incomplete provision tree");
            }

            documents.Add(new Document(seq, text, provisions[0], provisions));
        }

        return documents;
    }

    private static InvalidDataException Bad(int seq, string what) => new($"document body (document seq {seq}): {what}");

    private static string? ReadOptionalString(BinaryReader input) => input.ReadBoolean() ? input.ReadString() : null;

    private static List<IReadOnlyList<string>>? ReadCells(BinaryReader input)
    {
        var rows = input.Read7BitEncodedInt();
        if (rows == 0)
        {
            return null;
        }

        var cells = new List<IReadOnlyList<string>>(rows - 1);
        for (var r = 0; r < rows - 1; r++)
        {
            var count = input.Read7BitEncodedInt();
            var row = new List<string>(count);
            for (var c = 0; c < count; c++)
            {
                row.Add(input.ReadString());
            }

            cells.Add(row);
        }

        return cells;
    }
}
