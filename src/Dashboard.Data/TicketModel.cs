using Dashboard.Data.Entities;
using Dashboard.Domain.Tickets;
using Microsoft.EntityFrameworkCore;

namespace Dashboard.Data;

/// <summary>The platform support tickets' part of the model (tables Tickets, TicketMessages, TicketAttachments, TicketCounters).</summary>
internal static class TicketModel
{
    public static void Configure(ModelBuilder b)
    {
        const int id = 48;

        b.Entity<SupportTicket>(e =>
        {
            e.ToTable("Tickets");
            e.Property(t => t.Id).ValueGeneratedNever();
            e.Property(t => t.StoreId).HasMaxLength(id);
            e.Property(t => t.Subject).HasMaxLength(TicketLimits.SubjectMax);
            e.Property(t => t.OpenedByUserId).HasMaxLength(450);
            e.Property(t => t.Version).IsConcurrencyToken();
            // The number is the ticket's name within its store: unique, and the safety net under the counter.
            e.HasIndex(t => new { t.StoreId, t.Number }).IsUnique();
            // The merchant's list: newest activity first within a store (optionally one status).
            e.HasIndex(t => new { t.StoreId, t.LastActivityAt, t.Number });
            e.HasIndex(t => new { t.StoreId, t.Status, t.LastActivityAt, t.Number });
            // Support's queue: every store, the longest-waiting first.
            e.HasIndex(t => new { t.Status, t.WaitingSince });
            e.HasOne<Store>().WithMany().HasForeignKey(t => t.StoreId).OnDelete(DeleteBehavior.Restrict);
            e.HasMany(t => t.Messages).WithOne().HasForeignKey(m => m.TicketId).OnDelete(DeleteBehavior.Cascade);
        });

        b.Entity<TicketMessage>(e =>
        {
            e.Property(m => m.Id).ValueGeneratedNever();
            e.Property(m => m.StoreId).HasMaxLength(id);
            e.Property(m => m.AuthorLabel).HasMaxLength(TicketLimits.AuthorMax);
            e.Property(m => m.AuthorUserId).HasMaxLength(450);
            e.Property(m => m.Body).HasMaxLength(TicketLimits.BodyMax);
            e.HasIndex(m => new { m.TicketId, m.CreatedAt, m.Sequence });
            // The merchant's notification menu: support answers to the store since a moment.
            e.HasIndex(m => new { m.StoreId, m.AuthorKind, m.CreatedAt });
            e.HasMany(m => m.Attachments).WithOne().HasForeignKey(a => a.MessageId).OnDelete(DeleteBehavior.Cascade);
        });

        b.Entity<TicketAttachment>(e =>
        {
            e.Property(a => a.Id).HasMaxLength(id);
            e.Property(a => a.StoreId).HasMaxLength(id);
            e.Property(a => a.FileName).HasMaxLength(255);
            e.Property(a => a.ContentType).HasMaxLength(100);
            e.Property(a => a.Sha256).HasMaxLength(64);
            e.Property(a => a.StorageKey).HasMaxLength(200);
            e.HasIndex(a => a.MessageId);
            e.HasIndex(a => a.StorageKey);
        });

        b.Entity<TicketCounter>(e =>
        {
            e.HasKey(c => c.StoreId);
            e.Property(c => c.StoreId).HasMaxLength(id);
            e.HasOne<Store>().WithOne().HasForeignKey<TicketCounter>(c => c.StoreId);
        });
    }
}
