using Microsoft.AspNetCore.DataProtection;
using Microsoft.Extensions.Options;

namespace Dashboard.Web.Features.Attachments;

public static class AttachmentsFeature
{
    /// <summary>Storage (file system or Azure Blob), validation, signed links, multipart intake, clean-up, demo files.</summary>
    public static IServiceCollection AddAttachments(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<AttachmentOptions>().BindConfiguration(AttachmentOptions.Section)
            .ValidateDataAnnotations()
            .Validate(o => o.LinkLifetime > TimeSpan.Zero, "Attachments:LinkLifetime must be positive")
            .Validate(o => o.Storage != AttachmentStorageKind.AzureBlob || !string.IsNullOrWhiteSpace(o.AzureConnectionString),
                "Attachments:AzureConnectionString is required when Attachments:Storage is AzureBlob")
            .ValidateOnStart();

        var dataDirectory = Infrastructure.DataDirectory.Of(configuration);
        services.AddSingleton<IAttachmentStorage>(sp =>
        {
            var o = sp.GetRequiredService<IOptions<AttachmentOptions>>().Value;
            return o.Storage switch
            {
                AttachmentStorageKind.AzureBlob => new AzureBlobAttachmentStorage(o.AzureConnectionString!, o.Container),
                AttachmentStorageKind.FileSystem => new FileSystemAttachmentStorage(o.Directory ?? Path.Combine(dataDirectory, "attachments")),
                _ => throw new InvalidOperationException($"Unknown attachment storage {o.Storage}"),
            };
        });
        services.AddSingleton(sp => new AttachmentLinks(
            AttachmentLinks.ResolveKey(sp.GetRequiredService<IOptions<AttachmentOptions>>().Value, sp.GetRequiredService<IDataProtectionProvider>(), dataDirectory),
            sp.GetRequiredService<IOptions<AttachmentOptions>>(), sp.GetRequiredService<TimeProvider>()));
        services.AddSingleton<AttachmentVault>();
        services.AddSingleton<AttachmentIntake>();
        services.AddTransient<AttachmentDemoData>();
        services.AddHostedService<AttachmentJanitor>();
        return services;
    }
}
