using System.Text;
using Dashboard.Web.Features.Attachments;

namespace Dashboard.Web.Tests.Attachments;

/// <summary>The streaming inspector gives the same verdict however the bytes are chunked.</summary>
public sealed class ContentInspectorTests
{
    private static Inspection Inspect(byte[] bytes, int chunk)
    {
        using var inspector = new ContentInspector();
        for (var i = 0; i < bytes.Length; i += chunk) inspector.Append(bytes.AsSpan(i, Math.Min(chunk, bytes.Length - i)));
        return inspector.Finish();
    }

    [Theory]
    [InlineData(1)]
    [InlineData(3)]
    [InlineData(7)]
    [InlineData(81920)]
    public void Verdicts_do_not_depend_on_chunk_boundaries(int chunk)
    {
        Inspect(SampleFiles.Png(), chunk).Kind.ShouldBe(AttachmentKind.Png);
        Inspect(SampleFiles.Pdf(), chunk).Kind.ShouldBe(AttachmentKind.Pdf);
        Inspect(SampleFiles.Zip(), chunk).Kind.ShouldBe(AttachmentKind.Zip);
        Inspect(SampleFiles.Text(), chunk).Kind.ShouldBe(AttachmentKind.Text);
        Inspect(SampleFiles.PdfHtmlPolyglot(), chunk).Refusal.ShouldBe("the file contains HTML or script, which is not allowed");
        // A marker split across two chunks is still found.
        var pdf = SampleFiles.Pdf();
        var split = (byte[])[.. pdf[..20], .. "<ScRiPt>"u8, .. pdf[20..]];
        Inspect(split, chunk).Accepted.ShouldBeFalse();
    }

    [Fact]
    public void Text_must_be_valid_utf8_without_nul()
    {
        Inspect(Encoding.UTF8.GetBytes("café ☕ log\n"), 2).Kind.ShouldBe(AttachmentKind.Text);
        Inspect([(byte)'a', 0xC3], 1).Refusal.ShouldBe("this file type is not allowed");      // cut in the middle of a character
        Inspect([(byte)'a', 0, (byte)'b'], 1).Refusal.ShouldBe("this file type is not allowed"); // NUL: binary
        Inspect("  <!DOCTYPE html><p>hi"u8.ToArray(), 4).Refusal.ShouldBe("HTML files are not allowed");
    }

    [Fact]
    public void Hash_and_length_cover_every_byte()
    {
        var bytes = SampleFiles.Png();
        var result = Inspect(bytes, 5);
        result.Length.ShouldBe(bytes.Length);
        result.Sha256.ShouldBe(Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(bytes)));
    }
}
