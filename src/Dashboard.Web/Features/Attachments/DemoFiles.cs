using System.Buffers.Binary;
using System.IO.Compression;
using System.Text;

namespace Dashboard.Web.Features.Attachments;

/// <summary>Small, valid files generated in code for the demo data (and the tests): a PNG, a PDF, a log.</summary>
public static class DemoFiles
{
    /// <summary>A PNG "screenshot" of an activation error dialog, drawn pixel by pixel.</summary>
    public static byte[] ScreenshotPng(int width = 360, int height = 220, int seed = 0)
    {
        var accent = (seed % 3) switch { 0 => (r: 37, g: 99, b: 235), 1 => (r: 124, g: 58, b: 237), _ => (r: 5, g: 150, b: 105) };
        var raw = new byte[height * (1 + width * 3)];
        for (var y = 0; y < height; y++)
        {
            var row = y * (1 + width * 3);
            raw[row] = 0; // filter: none
            for (var x = 0; x < width; x++)
            {
                (int r, int g, int b) c = (226, 232, 240);                                   // desktop
                var inDialog = x >= 30 && x < width - 30 && y >= 25 && y < height - 25;
                if (inDialog) c = (255, 255, 255);
                if (inDialog && y < 50) c = accent;                                          // title bar
                if (inDialog && y >= 70 && y < 100 && x >= 50 && x < 80) c = (220, 38, 38);  // error icon
                if (inDialog && y >= 74 && y < 96 && x >= 60 && x < 70 && (y < 88 || y > 90)) c = (255, 255, 255);
                var textLine = (y - 72) / 14;
                if (inDialog && x >= 95 && y >= 72 && textLine < 4 && (y - 72) % 14 < 7 && x < width - 60 - textLine * 37 % 90)
                    c = (71, 85, 105);                                                       // "text"
                if (inDialog && y >= height - 65 && y < height - 40 && x >= width - 130 && x < width - 50) c = accent; // OK button
                raw[row + 1 + x * 3] = (byte)c.r;
                raw[row + 2 + x * 3] = (byte)c.g;
                raw[row + 3 + x * 3] = (byte)c.b;
            }
        }

        using var png = new MemoryStream();
        png.Write([0x89, (byte)'P', (byte)'N', (byte)'G', 0x0D, 0x0A, 0x1A, 0x0A]);
        var ihdr = new byte[13];
        BinaryPrimitives.WriteInt32BigEndian(ihdr, width);
        BinaryPrimitives.WriteInt32BigEndian(ihdr.AsSpan(4), height);
        ihdr[8] = 8;  // bit depth
        ihdr[9] = 2;  // colour type: RGB
        Chunk(png, "IHDR", ihdr);
        using (var compressed = new MemoryStream())
        {
            using (var z = new ZLibStream(compressed, CompressionLevel.Optimal, leaveOpen: true)) z.Write(raw);
            Chunk(png, "IDAT", compressed.ToArray());
        }
        Chunk(png, "IEND", []);
        return png.ToArray();
    }

    /// <summary>A one-page PDF receipt with a correct cross-reference table.</summary>
    public static byte[] ReceiptPdf(string orderNumber, string product, string amount)
    {
        static string Escape(string s) => s.Replace("\\", "\\\\").Replace("(", "\\(").Replace(")", "\\)");
        var text = $"BT /F1 18 Tf 50 780 Td (Receipt) Tj /F1 11 Tf 0 -30 Td (Order {Escape(orderNumber)}) Tj 0 -18 Td ({Escape(product)}) Tj 0 -18 Td (Total paid: {Escape(amount)}) Tj 0 -30 Td (Thank you for your purchase.) Tj ET";
        string[] objects =
        [
            "<< /Type /Catalog /Pages 2 0 R >>",
            "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
            "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 5 0 R >> >> /Contents 4 0 R >>",
            $"<< /Length {Encoding.ASCII.GetByteCount(text)} >>\nstream\n{text}\nendstream",
            "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
        ];
        var sb = new StringBuilder("%PDF-1.4\n");
        var offsets = new List<int>();
        for (var i = 0; i < objects.Length; i++)
        {
            offsets.Add(Encoding.ASCII.GetByteCount(sb.ToString()));
            sb.Append($"{i + 1} 0 obj\n{objects[i]}\nendobj\n");
        }
        var xref = Encoding.ASCII.GetByteCount(sb.ToString());
        sb.Append($"xref\n0 {objects.Length + 1}\n0000000000 65535 f \n");
        foreach (var offset in offsets) sb.Append($"{offset:D10} 00000 n \n");
        sb.Append($"trailer\n<< /Size {objects.Length + 1} /Root 1 0 R >>\nstartxref\n{xref}\n%%EOF\n");
        return Encoding.ASCII.GetBytes(sb.ToString());
    }

    /// <summary>An activation log as a customer might attach it.</summary>
    public static byte[] ActivationLog(string product, DateTime at)
    {
        var lines = new[]
        {
            $"{at:yyyy-MM-dd HH:mm:ss} INFO  Launcher 4.12.0 starting",
            $"{at.AddSeconds(2):yyyy-MM-dd HH:mm:ss} INFO  Signed in as player",
            $"{at.AddSeconds(5):yyyy-MM-dd HH:mm:ss} INFO  Activating \"{product}\"",
            $"{at.AddSeconds(6):yyyy-MM-dd HH:mm:ss} WARN  Licence server answered slowly (2,314 ms)",
            $"{at.AddSeconds(7):yyyy-MM-dd HH:mm:ss} ERROR Activation failed: key already redeemed (code E-4021)",
            $"{at.AddSeconds(7):yyyy-MM-dd HH:mm:ss} INFO  Retry 1/3 in 30 s",
            $"{at.AddSeconds(38):yyyy-MM-dd HH:mm:ss} ERROR Activation failed: key already redeemed (code E-4021)",
            $"{at.AddSeconds(38):yyyy-MM-dd HH:mm:ss} INFO  Giving up; contact the seller with this log",
        };
        return Encoding.UTF8.GetBytes(string.Join('\n', lines) + "\n");
    }

    private static void Chunk(Stream png, string type, byte[] data)
    {
        Span<byte> header = stackalloc byte[8];
        BinaryPrimitives.WriteInt32BigEndian(header, data.Length);
        Encoding.ASCII.GetBytes(type, header[4..]);
        png.Write(header);
        png.Write(data);
        var crc = Crc32(header[4..], data);
        Span<byte> crcBytes = stackalloc byte[4];
        BinaryPrimitives.WriteUInt32BigEndian(crcBytes, crc);
        png.Write(crcBytes);
    }

    private static readonly uint[] CrcTable = Enumerable.Range(0, 256).Select(n =>
    {
        var c = (uint)n;
        for (var k = 0; k < 8; k++) c = (c & 1) != 0 ? 0xEDB88320u ^ (c >> 1) : c >> 1;
        return c;
    }).ToArray();

    private static uint Crc32(ReadOnlySpan<byte> type, ReadOnlySpan<byte> data)
    {
        var c = 0xFFFFFFFFu;
        foreach (var b in type) c = CrcTable[(c ^ b) & 0xFF] ^ (c >> 8);
        foreach (var b in data) c = CrcTable[(c ^ b) & 0xFF] ^ (c >> 8);
        return c ^ 0xFFFFFFFFu;
    }
}
