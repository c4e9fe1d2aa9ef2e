using Dashboard.Data.Entities;
using Microsoft.EntityFrameworkCore;

namespace Dashboard.Data;

/// <summary>The licence pool's part of the model (tables LicencePoolKeys, LicenceActions).</summary>
internal static class LicenceModel
{
    public static void Configure(ModelBuilder b)
    {
        const int id = 48;

        b.Entity<LicencePoolKey>(e =>
        {
            e.Property(k => k.Id).HasMaxLength(id);
            e.Property(k => k.StoreId).HasMaxLength(id);
            e.Property(k => k.ProductId).HasMaxLength(id);
            e.Property(k => k.VariantId).HasMaxLength(id);
            e.Property(k => k.OrderId).HasMaxLength(id);
            e.Property(k => k.LicenseId).HasMaxLength(id);
            e.Property(k => k.Key).HasMaxLength(200);
            // A key exists once per store: a key pasted twice is refused, and never handed out twice.
            e.HasIndex(k => new { k.StoreId, k.Key }).IsUnique();
            // The claim picks the oldest available key of one product (and variant).
            e.HasIndex(k => new { k.StoreId, k.ProductId, k.Status, k.AddedAt });
            e.HasOne<Store>().WithMany().HasForeignKey(k => k.StoreId).OnDelete(DeleteBehavior.Restrict);
        });

        b.Entity<LicenceActionRecord>(e =>
        {
            e.ToTable("LicenceActions");
            e.Property(r => r.StoreId).HasMaxLength(id);
            e.Property(r => r.IdempotencyKey).HasMaxLength(100);
            e.Property(r => r.CaseId).HasMaxLength(id);
            e.Property(r => r.OrderId).HasMaxLength(id);
            e.Property(r => r.LicenseId).HasMaxLength(id);
            e.Property(r => r.NewLicenseId).HasMaxLength(id);
            e.Property(r => r.Summary).HasMaxLength(500);
            e.Property(r => r.ActorUserId).HasMaxLength(450);
            e.HasIndex(r => new { r.StoreId, r.IdempotencyKey }).IsUnique();
            e.HasIndex(r => r.CaseId);
        });
    }
}
