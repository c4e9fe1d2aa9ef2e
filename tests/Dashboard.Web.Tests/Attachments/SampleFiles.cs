using System.IO.Compression;
using System.Text;
using Dashboard.Web.Features.Attachments;

namespace Dashboard.Web.Tests.Attachments;

/// <summary>Good and bad files, built in code.</summary>
public static class SampleFiles
{
    public static byte[] Png() => DemoFiles.ScreenshotPng(40, 30);
    public static byte[] Pdf() => DemoFiles.ReceiptPdf("NK-10400", "Test Product", "49.99 USD");
    public static byte[] Text() => Encoding.UTF8.GetBytes("2026-11-20 12:00:01 ERROR activation failed (E-4021)\nRetrying…\n");

    public static byte[] Gif() =>
    [
        .. "GIF89a"u8, 1, 0, 1, 0, 0x80, 0, 0, 0, 0, 0, 0xFF, 0xFF, 0xFF, 0x2C, 0, 0, 0, 0, 1, 0, 1, 0, 0, 2, 2, 0x44, 0x01, 0, 0x3B,
    ];

    public static byte[] Jpeg() => [0xFF, 0xD8, 0xFF, 0xE0, 0, 0x10, .. "JFIF\0"u8, 1, 1, 0, 0, 1, 0, 1, 0, 0, 0xFF, 0xDA, 0, 2, 0x11, 0x22, 0xFF, 0xD9];

    public static byte[] WebP()
    {
        byte[] chunk = [.. "VP8L"u8, 5, 0, 0, 0, 0x2F, 0, 0, 0, 0, 0];
        var size = 4 + chunk.Length;
        return [.. "RIFF"u8, (byte)size, (byte)(size >> 8), 0, 0, .. "WEBP"u8, .. chunk];
    }

    public static byte[] Zip()
    {
        using var ms = new MemoryStream();
        using (var zip = new ZipArchive(ms, ZipArchiveMode.Create, leaveOpen: true))
        {
            using var entry = zip.CreateEntry("logs/launcher.log").Open();
            entry.Write(Text());
        }
        return ms.ToArray();
    }

    public static byte[] HtmlRenamedPng() => Encoding.UTF8.GetBytes("<!DOCTYPE html><html><body><script>alert(document.cookie)</script></body></html>");

    public static byte[] SvgWithScript() => Encoding.UTF8.GetBytes("""<?xml version="1.0"?><svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script><circle r="4"/></svg>""");

    /// <summary>Starts as a PDF (magic at 0, %%EOF at the end) but carries an HTML page with script.</summary>
    public static byte[] PdfHtmlPolyglot() => Encoding.ASCII.GetBytes("%PDF-1.4\n<html><body><script>fetch('/api').then(r=>r.text())</script></body></html>\n1 0 obj\n<< >>\nendobj\ntrailer\n<< /Root 1 0 R >>\n%%EOF\n");

    /// <summary>HTML first with a PDF header further in: the magic is not at offset 0.</summary>
    public static byte[] HtmlThenPdf() => [.. Encoding.ASCII.GetBytes("<html><script>alert(1)</script>\n"), .. Pdf()];

    public static byte[] PngWithHtmlAppended() => [.. Png(), .. Encoding.ASCII.GetBytes("<html><script>alert(1)</script></html>")];

    public static byte[] WindowsExecutable() => [.. "MZ"u8, 0x90, 0, 3, 0, 0, 0, 4, 0, 0, 0, 0xFF, 0xFF, 0, 0, .. "This program cannot be run in DOS mode"u8];

    public static byte[] TruncatedPdf() => Pdf()[..100];
}

/// <summary>
/// An endless stream of a file's first bytes then filler; counts what was read, so a test can prove
/// an oversize upload was refused without being read whole.
/// </summary>
public sealed class CountingStream(long length, byte[] head) : Stream
{
    public long BytesRead { get; private set; }

    public override int Read(byte[] buffer, int offset, int count)
    {
        var n = (int)Math.Min(count, length - BytesRead);
        for (var i = 0; i < n; i++)
        {
            var at = BytesRead + i;
            buffer[offset + i] = at < head.Length ? head[at] : (byte)'a';
        }
        BytesRead += n;
        return n;
    }

    public override bool CanRead => true;
    public override bool CanSeek => false;
    public override bool CanWrite => false;
    public override long Length => length;
    public override long Position { get => BytesRead; set => throw new NotSupportedException(); }
    public override void Flush() { }
    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
    public override void SetLength(long value) => throw new NotSupportedException();
    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
}
