using Dashboard.Web.Features.Attachments;

namespace Dashboard.Web.Tests.Attachments;

/// <summary>The suite on the local file system (the default storage).</summary>
public sealed class FileSystemAttachmentTests : AttachmentSuite
{
    private string Root => Path.Combine(Db.Directory, "attachments");

    protected override IAttachmentStorage CreateStorage() => new FileSystemAttachmentStorage(Root);

    protected override IReadOnlyDictionary<string, string> HostSettings() => new Dictionary<string, string>
    {
        ["Attachments:Storage"] = "FileSystem",
    };

    [Fact]
    public async Task Keys_that_could_leave_the_folder_are_rejected()
    {
        await Should.ThrowAsync<ArgumentException>(() => Storage.WriteAsync("../escape", new MemoryStream([1])));
        await Should.ThrowAsync<ArgumentException>(() => Storage.WriteAsync("files/../../escape", new MemoryStream([1])));
        await Should.ThrowAsync<ArgumentException>(() => Storage.WriteAsync("/etc/passwd", new MemoryStream([1])));
        Directory.Exists(Root).ShouldBeFalse();
        File.Exists(Path.Combine(Db.Directory, "escape")).ShouldBeFalse();
    }
}

/// <summary>The same suite on Azure Blob Storage (Azurite, installed from npm by the fixture).</summary>
public sealed class AzureBlobAttachmentTests(AzuriteFixture azurite) : AttachmentSuite, IClassFixture<AzuriteFixture>
{
    private readonly string _container = "att" + Guid.NewGuid().ToString("N")[..20];

    protected override IAttachmentStorage CreateStorage() => new AzureBlobAttachmentStorage(azurite.ConnectionString, _container);

    protected override IReadOnlyDictionary<string, string> HostSettings() => new Dictionary<string, string>
    {
        ["Attachments:Storage"] = "AzureBlob",
        ["Attachments:AzureConnectionString"] = azurite.ConnectionString,
        ["Attachments:Container"] = _container + "host",
    };
}
