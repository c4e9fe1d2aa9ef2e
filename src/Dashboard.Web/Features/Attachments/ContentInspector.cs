using System.Security.Cryptography;
using System.Text;

namespace Dashboard.Web.Features.Attachments;

/// <summary>The allowed kinds, decided from the bytes only.</summary>
public enum AttachmentKind { Png, Jpeg, Gif, WebP, Pdf, Text, Zip }

public static class AttachmentKinds
{
    public const string AllowedDescription = "PNG, JPEG, GIF and WebP images, PDF, plain text and ZIP";

    public static string ContentType(this AttachmentKind kind) => kind switch
    {
        AttachmentKind.Png => "image/png",
        AttachmentKind.Jpeg => "image/jpeg",
        AttachmentKind.Gif => "image/gif",
        AttachmentKind.WebP => "image/webp",
        AttachmentKind.Pdf => "application/pdf",
        AttachmentKind.Text => "text/plain; charset=utf-8",
        AttachmentKind.Zip => "application/zip",
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, null),
    };

    /// <summary>Only raster images are shown inline; everything else downloads.</summary>
    public static bool IsRasterImage(string? contentType) => contentType is "image/png" or "image/jpeg" or "image/gif" or "image/webp";

    /// <summary>A short human label for a stored content type ("PDF", "Text", …).</summary>
    public static string Label(string? contentType) => contentType switch
    {
        "image/png" => "PNG image",
        "image/jpeg" => "JPEG image",
        "image/gif" => "GIF image",
        "image/webp" => "WebP image",
        "application/pdf" => "PDF",
        "application/zip" => "ZIP archive",
        _ when contentType?.StartsWith("text/plain", StringComparison.Ordinal) == true => "Text",
        _ => "File",
    };
}

/// <summary>What the inspector concluded: a kind, or why the file is refused.</summary>
public sealed record Inspection(AttachmentKind? Kind, string? Refusal, long Length, string Sha256)
{
    public bool Accepted => Kind is not null;
}

/// <summary>
/// Looks at every byte of a file exactly once as it streams past (so nothing is buffered whole):
/// counts, hashes, keeps the head and tail, validates UTF-8 and scans for markup. <see cref="Finish"/>
/// then decides by content: the magic must sit at offset 0 and the structure must close properly
/// (PNG ends in IEND, PDF in %%EOF, ZIP has its end record…), and markup that a browser could run
/// (HTML, SVG, script) refuses the file, which catches polyglots such as a PDF that is also HTML.
/// </summary>
public sealed class ContentInspector : IDisposable
{
    private const int HeadSize = 1024;
    private const int TailSize = 65_535 + 22; // a ZIP end record with the longest comment
    private const int MarkerScanHead = 512;   // text files: markup this early is sniffed as HTML by browsers
    private static readonly string[] Markers = ["<script", "<html", "<svg", "<!doctype", "<iframe", "<body", "<object", "<embed"];
    private static readonly int MaxMarker = Markers.Max(m => m.Length);

    private static readonly byte[] PngMagic = [0x89, (byte)'P', (byte)'N', (byte)'G', 0x0D, 0x0A, 0x1A, 0x0A];
    private static readonly byte[] PngEnd = [0, 0, 0, 0, (byte)'I', (byte)'E', (byte)'N', (byte)'D', 0xAE, 0x42, 0x60, 0x82];

    private readonly byte[] _head = new byte[HeadSize];
    private int _headLength;
    private readonly byte[] _tail = new byte[TailSize];
    private int _tailLength;
    private readonly byte[] _carry = new byte[MaxMarker - 1];
    private int _carryLength;
    private readonly IncrementalHash _sha = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
    private readonly Decoder _utf8 = new UTF8Encoding(false, throwOnInvalidBytes: true).GetDecoder();
    private bool _validUtf8 = true;
    private bool _hasNul;
    private bool _markup;
    private long _markupAt = -1;

    public long Length { get; private set; }

    public void Append(ReadOnlySpan<byte> data)
    {
        if (data.IsEmpty) return;
        _sha.AppendData(data);
        if (_headLength < HeadSize)
        {
            var n = Math.Min(HeadSize - _headLength, data.Length);
            data[..n].CopyTo(_head.AsSpan(_headLength));
            _headLength += n;
        }
        AppendTail(data);
        if (!_hasNul && data.IndexOf((byte)0) >= 0) _hasNul = true;
        if (_validUtf8)
        {
            try { _utf8.GetCharCount(data, flush: false); }
            catch (DecoderFallbackException) { _validUtf8 = false; }
        }
        ScanMarkup(data);
        Length += data.Length;
    }

    public Inspection Finish()
    {
        if (_validUtf8)
        {
            try { _utf8.GetCharCount([], flush: true); }
            catch (DecoderFallbackException) { _validUtf8 = false; }
        }
        var sha = Convert.ToHexStringLower(_sha.GetHashAndReset());
        var (kind, refusal) = Decide();
        return new Inspection(kind, refusal, Length, sha);
    }

    private (AttachmentKind?, string?) Decide()
    {
        if (Length == 0) return (null, "the file is empty");
        ReadOnlySpan<byte> head = _head.AsSpan(0, _headLength);
        ReadOnlySpan<byte> tail = _tail.AsSpan(0, _tailLength);

        if (head.StartsWith(PngMagic))
            return Structured(AttachmentKind.Png, head.Length >= 16 && head[8..16].SequenceEqual("\0\0\0\x0dIHDR"u8)
                && tail.EndsWith(PngEnd));
        if (head.StartsWith((ReadOnlySpan<byte>)[0xFF, 0xD8, 0xFF]))
            return Structured(AttachmentKind.Jpeg, tail[Math.Max(0, tail.Length - 64)..].IndexOf((ReadOnlySpan<byte>)[0xFF, 0xD9]) >= 0);
        if (head.StartsWith("GIF87a"u8) || head.StartsWith("GIF89a"u8))
            return Structured(AttachmentKind.Gif, Length >= 14 && tail[^1] == 0x3B);
        if (head.StartsWith("RIFF"u8) && head.Length >= 16 && head[8..12].SequenceEqual("WEBP"u8))
        {
            var riffSize = BitConverter.ToUInt32(head[4..8]);
            return Structured(AttachmentKind.WebP, riffSize + 8 == Length || riffSize + 9 == Length);
        }
        if (head.StartsWith("%PDF-"u8))
        {
            var version = head.Length >= 8 && char.IsAsciiDigit((char)head[5]) && head[6] == '.' && char.IsAsciiDigit((char)head[7]);
            var eof = tail[Math.Max(0, tail.Length - 1024)..].IndexOf("%%EOF"u8) >= 0;
            return Structured(AttachmentKind.Pdf, version && eof);
        }
        if (head.StartsWith("PK\x03\x04"u8) || (head.StartsWith("PK\x05\x06"u8) && Length == 22))
            // Compressed members are not scanned for markup: served as a download with nosniff, a ZIP never renders.
            return tail.LastIndexOf("PK\x05\x06"u8) >= 0 ? (AttachmentKind.Zip, null) : (null, "the ZIP archive is damaged or incomplete");

        if (Known(head) is { } known) return (null, known);
        if (_validUtf8 && !_hasNul)
        {
            var text = TrimStart(head);
            if (StartsWithIgnoreCase(text, "<?xml") || StartsWithIgnoreCase(text, "<!--") || (_markup && _markupAt < MarkerScanHead))
                return (null, "HTML and other markup files are not allowed");
            return (AttachmentKind.Text, null);
        }
        return (null, "this file type is not allowed");
    }

    private (AttachmentKind?, string?) Structured(AttachmentKind kind, bool sane)
    {
        if (!sane) return (null, $"the {kind.ToString().ToUpperInvariant()} file is damaged or incomplete");
        if (_markup) return (null, "the file contains HTML or script, which is not allowed");
        return (kind, null);
    }

    /// <summary>Names a refused type when it is a well-known one, for a clearer message.</summary>
    private static string? Known(ReadOnlySpan<byte> head)
    {
        if (head.StartsWith("MZ"u8) || head.StartsWith((ReadOnlySpan<byte>)[0x7F, (byte)'E', (byte)'L', (byte)'F']) || head.StartsWith((ReadOnlySpan<byte>)[0xCA, 0xFE, 0xBA, 0xBE])
            || head.StartsWith((ReadOnlySpan<byte>)[0xCF, 0xFA, 0xED, 0xFE]) || head.StartsWith((ReadOnlySpan<byte>)[0xCE, 0xFA, 0xED, 0xFE]) || head.StartsWith("\0asm"u8))
            return "executable files are not allowed";
        var text = TrimStart(head);
        if (StartsWithIgnoreCase(text, "<svg") || (StartsWithIgnoreCase(text, "<?xml") && IndexOfIgnoreCase(head, "<svg") >= 0))
            return "SVG images are not allowed";
        if (StartsWithIgnoreCase(text, "<!doctype html") || StartsWithIgnoreCase(text, "<html"))
            return "HTML files are not allowed";
        return null;
    }

    private void AppendTail(ReadOnlySpan<byte> data)
    {
        if (data.Length >= TailSize)
        {
            data[^TailSize..].CopyTo(_tail);
            _tailLength = TailSize;
            return;
        }
        var keep = Math.Min(_tailLength, TailSize - data.Length);
        _tail.AsSpan(_tailLength - keep, keep).CopyTo(_tail);
        data.CopyTo(_tail.AsSpan(keep));
        _tailLength = keep + data.Length;
    }

    private void ScanMarkup(ReadOnlySpan<byte> data)
    {
        if (_markup) return;
        // Markers that straddle two chunks: the previous chunk's last bytes plus this chunk's first.
        if (_carryLength > 0)
        {
            Span<byte> seam = stackalloc byte[_carryLength + Math.Min(data.Length, MaxMarker - 1)];
            _carry.AsSpan(0, _carryLength).CopyTo(seam);
            data[..(seam.Length - _carryLength)].CopyTo(seam[_carryLength..]);
            if (FindMarker(seam) is var s and >= 0) { Found(Length - _carryLength + s); return; }
        }
        if (FindMarker(data) is var at and >= 0) { Found(Length + at); return; }
        var c = Math.Min(data.Length, _carry.Length);
        if (c == _carry.Length) data[^c..].CopyTo(_carry);
        else
        {
            var keep = Math.Min(_carryLength, _carry.Length - c);
            _carry.AsSpan(_carryLength - keep, keep).CopyTo(_carry);
            data.CopyTo(_carry.AsSpan(keep));
            c += keep;
        }
        _carryLength = c;
    }

    private void Found(long at)
    {
        _markup = true;
        _markupAt = at;
    }

    private static int FindMarker(ReadOnlySpan<byte> data)
    {
        var offset = 0;
        while (offset < data.Length)
        {
            var lt = data[offset..].IndexOf((byte)'<');
            if (lt < 0) return -1;
            var at = offset + lt;
            foreach (var marker in Markers)
                if (StartsWithIgnoreCase(data[at..], marker)) return at;
            offset = at + 1;
        }
        return -1;
    }

    private static ReadOnlySpan<byte> TrimStart(ReadOnlySpan<byte> s)
    {
        if (s.StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF])) s = s[3..];
        var i = 0;
        while (i < s.Length && s[i] is (byte)' ' or (byte)'\t' or (byte)'\r' or (byte)'\n' or (byte)'\f') i++;
        return s[i..];
    }

    private static bool StartsWithIgnoreCase(ReadOnlySpan<byte> s, string ascii)
    {
        if (s.Length < ascii.Length) return false;
        for (var i = 0; i < ascii.Length; i++)
            if (char.ToLowerInvariant((char)s[i]) != ascii[i]) return false;
        return true;
    }

    private static int IndexOfIgnoreCase(ReadOnlySpan<byte> s, string ascii)
    {
        for (var i = 0; i + ascii.Length <= s.Length; i++)
            if (StartsWithIgnoreCase(s[i..], ascii)) return i;
        return -1;
    }

    public void Dispose() => _sha.Dispose();
}
