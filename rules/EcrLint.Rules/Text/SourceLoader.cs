using System;
using System.Text;

namespace EcrLint.Text;

/// <summary>The result of decoding a file's bytes: a document, or a located reason it cannot be read as text.</summary>
public sealed class DecodedSource
{
    internal DecodedSource(SourceDocument document, string? error, TextSpan errorSpan)
    {
        Document = document;
        Error = error;
        ErrorSpan = errorSpan;
    }

    /// <summary>The decoded text (what could be decoded, when <see cref="Error"/> is set).</summary>
    public SourceDocument Document { get; }

    /// <summary>Why the bytes are not valid text, or null.</summary>
    public string? Error { get; }

    public TextSpan ErrorSpan { get; }
}

public static class SourceLoader
{
    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    /// <summary>
    /// Decodes a file: UTF-8 (with or without BOM), or UTF-16 with a BOM. Invalid UTF-8 and NUL characters
    /// are reported with their position instead of being replaced silently.
    /// </summary>
    public static DecodedSource Decode(string path, byte[] bytes)
    {
        if (bytes.Length >= 2 && bytes[0] == 0xFF && bytes[1] == 0xFE && !(bytes.Length >= 4 && bytes[2] == 0 && bytes[3] == 0))
            return DecodeUtf16(path, bytes, new UnicodeEncoding(bigEndian: false, byteOrderMark: true, throwOnInvalidBytes: true));
        if (bytes.Length >= 2 && bytes[0] == 0xFE && bytes[1] == 0xFF)
            return DecodeUtf16(path, bytes, new UnicodeEncoding(bigEndian: true, byteOrderMark: true, throwOnInvalidBytes: true));

        var bom = bytes.Length >= 3 && bytes[0] == 0xEF && bytes[1] == 0xBB && bytes[2] == 0xBF;
        var offset = bom ? 3 : 0;
        var encoding = new UTF8Encoding(bom);
        try
        {
            var text = StrictUtf8.GetString(bytes, offset, bytes.Length - offset);
            return Checked(new SourceDocument(path, text, encoding, bom));
        }
        catch (DecoderFallbackException e)
        {
            var bad = e.Index >= 0 ? offset + e.Index : FindInvalidUtf8(bytes, offset);
            var prefix = new UTF8Encoding(false, false).GetString(bytes, offset, Math.Max(0, bad - offset));
            var lenient = new UTF8Encoding(false, false).GetString(bytes, offset, bytes.Length - offset);
            var doc = new SourceDocument(path, lenient, encoding, bom);
            return new DecodedSource(doc, $"the file is not valid UTF-8 (byte 0x{bytes[bad]:X2} at byte offset {bad}); save it as UTF-8", new TextSpan(Math.Min(prefix.Length, lenient.Length), 0));
        }
    }

    private static DecodedSource DecodeUtf16(string path, byte[] bytes, UnicodeEncoding encoding)
    {
        try
        {
            var text = encoding.GetString(bytes, 2, bytes.Length - 2);
            return Checked(new SourceDocument(path, text, encoding, hasBom: true));
        }
        catch (DecoderFallbackException)
        {
            var lenient = new UnicodeEncoding(encoding.GetPreamble()[0] == 0xFE, true, false).GetString(bytes, 2, bytes.Length - 2);
            return new DecodedSource(new SourceDocument(path, lenient, encoding, true), "the file is not valid UTF-16; save it as UTF-8", new TextSpan(0, 0));
        }
    }

    private static DecodedSource Checked(SourceDocument doc)
    {
        var nul = doc.Text.IndexOf('\0');
        if (nul >= 0)
            return new DecodedSource(doc, "the file contains a NUL character; it is binary or was saved in an encoding EcrLint does not read (use UTF-8)", new TextSpan(nul, 1));
        return new DecodedSource(doc, null, default);
    }

    private static int FindInvalidUtf8(byte[] bytes, int offset)
    {
        var decoder = StrictUtf8.GetDecoder();
        var chars = new char[4];
        for (var i = offset; i < bytes.Length; i++)
        {
            try
            {
                decoder.GetChars(bytes, i, 1, chars, 0, flush: false);
            }
            catch (DecoderFallbackException)
            {
                return i;
            }
        }

        return bytes.Length - 1;
    }
}
