using System.Security.Cryptography;
using System.Text;

using Gongbao.Domain;

namespace Gongbao.Parsing;

/// <summary>Decoded text of a source file, with the encoding found and the SHA-256 of the raw bytes.</summary>
public sealed record DecodedText(string Text, string EncodingName, string Sha256, IReadOnlyList<ParseDiagnostic> Diagnostics);

/// <summary>
/// Reads a gazette file: refuses empty, binary and oversized input with a clear diagnostic, detects UTF-8
/// (with or without BOM), UTF-16 (BOM) and GB18030/GBK (invalid UTF-8 that decodes into plausible CJK).
/// </summary>
public static class GazetteReader
{
    /// <summary>Largest accepted file. Issues are well below 1 MB; 256 MB keeps memory bounded.</summary>
    public const long MaxBytes = 256L * 1024 * 1024;

    /// <summary>Lines longer than this are reported (they are still parsed, in linear time).</summary>
    public const int LongLineThreshold = 100_000;

    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    static GazetteReader() => Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);

    public static DecodedText Read(string path)
    {
        var bag = new DiagnosticBag(path);
        if (!File.Exists(path))
        {
            throw bag.Fail(DiagnosticCodes.FileNotFound, 0, "file not found");
        }

        var length = new FileInfo(path).Length;
        if (length > MaxBytes)
        {
            throw bag.Fail(DiagnosticCodes.TooLarge, 0,
                $"file is {length / (1024 * 1024)} MB, above the {MaxBytes / (1024 * 1024)} MB limit for one gazette source");
        }

        return Decode(File.ReadAllBytes(path), path);
    }

    public static DecodedText Decode(byte[] bytes, string sourceName)
    {
        var bag = new DiagnosticBag(sourceName);
        var sha = Convert.ToHexStringLower(SHA256.HashData(bytes));
        if (bytes.Length == 0)
        {
            throw bag.Fail(DiagnosticCodes.EmptyFile, 0, "file is empty");
        }

        string text;
        string encodingName;
        if (bytes.Length >= 2 && (bytes[0] == 0xFF && bytes[1] == 0xFE || bytes[0] == 0xFE && bytes[1] == 0xFF))
        {
            var bigEndian = bytes[0] == 0xFE;
            text = new UnicodeEncoding(bigEndian, byteOrderMark: true).GetString(bytes, 2, bytes.Length - 2);
            encodingName = bigEndian ? "UTF-16BE" : "UTF-16LE";
            bag.Info(DiagnosticCodes.Utf16Encoding, 0, $"decoded as {encodingName} (byte order mark)");
        }
        else
        {
            CheckBinary(bytes, bag);
            var offset = bytes.Length >= 3 && bytes[0] == 0xEF && bytes[1] == 0xBB && bytes[2] == 0xBF ? 3 : 0;
            try
            {
                text = StrictUtf8.GetString(bytes, offset, bytes.Length - offset);
                encodingName = "UTF-8";
            }
            catch (DecoderFallbackException ex)
            {
                var badLine = LineOfByte(bytes, offset + Math.Max(0, ex.Index));
                text = DecodeGb18030(bytes, bag, badLine);
                encodingName = "GB18030";
            }
        }

        CheckText(text, bag);
        return new DecodedText(text, encodingName, sha, bag.Items);
    }

    private static string DecodeGb18030(byte[] bytes, DiagnosticBag bag, int badLine)
    {
        var gb = Encoding.GetEncoding("GB18030", EncoderFallback.ExceptionFallback, DecoderFallback.ReplacementFallback);
        var text = gb.GetString(bytes);
        int cjk = 0, other = 0;
        foreach (var c in text)
        {
            if (c < 0x80)
            {
                continue;
            }

            if (Text.CjkText.IsCjkOrCjkPunctuation(c))
            {
                cjk++;
            }
            else
            {
                other++;
            }
        }

        if (cjk == 0 || other * 10 > cjk)
        {
            throw bag.Fail(DiagnosticCodes.Undecodable, badLine,
                "not valid UTF-8 and not plausible GB18030/GBK text (decoding gives few Chinese characters)");
        }

        bag.Info(DiagnosticCodes.NonUtf8Encoding, badLine, "not valid UTF-8; decoded as GB18030 (GBK-compatible)");
        return text;
    }

    private static void CheckBinary(byte[] bytes, DiagnosticBag bag)
    {
        var controls = 0;
        var scan = Math.Min(bytes.Length, 1 << 20);
        for (var i = 0; i < scan; i++)
        {
            var b = bytes[i];
            if (b == 0)
            {
                throw bag.Fail(DiagnosticCodes.BinaryFile, LineOfByte(bytes, i), "binary file (NUL byte); expected gazette text");
            }

            if (b < 0x20 && b is not (byte)'\n' and not (byte)'\r' and not (byte)'\t' and not 0x0C)
            {
                controls++;
            }
        }

        if (controls > 8 && controls * 100 > scan)
        {
            throw bag.Fail(DiagnosticCodes.BinaryFile, 1, $"binary file ({controls} control bytes in the first {scan} bytes); expected gazette text");
        }
    }

    private static void CheckText(string text, DiagnosticBag bag)
    {
        var line = 1;
        var lineStart = 0;
        var anyContent = false;
        for (var i = 0; i <= text.Length; i++)
        {
            if (i == text.Length || text[i] == '\n')
            {
                if (i - lineStart > LongLineThreshold)
                {
                    bag.Warning(DiagnosticCodes.LongLine, line, $"line is {i - lineStart:N0} characters long");
                }

                line++;
                lineStart = i + 1;
            }
            else if (!anyContent && !char.IsWhiteSpace(text[i]) && text[i] != '\ufeff')
            {
                anyContent = true;
            }
        }

        if (!anyContent)
        {
            throw bag.Fail(DiagnosticCodes.EmptyFile, 0, "file contains only whitespace");
        }
    }

    private static int LineOfByte(byte[] bytes, int index)
    {
        var line = 1;
        for (var i = 0; i < index && i < bytes.Length; i++)
        {
            if (bytes[i] == (byte)'\n')
            {
                line++;
            }
        }

        return line;
    }
}
