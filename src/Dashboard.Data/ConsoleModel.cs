using Dashboard.Data.Entities;
using Dashboard.Domain;
using Microsoft.EntityFrameworkCore;

namespace Dashboard.Data;

/// <summary>The support console's part of the model: CaseSignals, PaymentEvents, CaseStaffAssignments, StaffAudit.</summary>
internal static class ConsoleModel
{
    public static void Configure(ModelBuilder b)
    {
        const int id = 48;

        b.Entity<CaseSignal>(e =>
        {
            e.Property(s => s.CaseId).HasMaxLength(id);
            e.Property(s => s.StoreId).HasMaxLength(id);
            e.Property(s => s.Reason).HasMaxLength(CaseWorkflow.ReasonMax);
            e.Property(s => s.Source).HasMaxLength(120);
            // Each signal fires once per case: the second insert of a kind fails here.
            e.HasIndex(s => new { s.CaseId, s.Kind }).IsUnique();
            // The queue's signal filter.
            e.HasIndex(s => new { s.Kind, s.CaseId });
            e.HasOne<SupportCase>().WithMany().HasForeignKey(s => s.CaseId).OnDelete(DeleteBehavior.Cascade);
        });

        b.Entity<PaymentEvent>(e =>
        {
            e.Property(p => p.Id).HasMaxLength(100).ValueGeneratedNever();
            e.Property(p => p.Type).HasMaxLength(100);
            e.Property(p => p.PaymentId).HasMaxLength(100);
            e.Property(p => p.OrderId).HasMaxLength(id);
            // An opening case asks "any early fraud warning for this order?".
            e.HasIndex(p => new { p.OrderId, p.Type });
        });

        b.Entity<CaseStaffAssignment>(e =>
        {
            e.HasKey(a => a.CaseId);
            e.Property(a => a.CaseId).HasMaxLength(id);
            e.Property(a => a.StaffUserId).HasMaxLength(450);
            e.HasIndex(a => a.StaffUserId);
            e.HasOne<SupportCase>().WithMany().HasForeignKey(a => a.CaseId).OnDelete(DeleteBehavior.Cascade);
        });

        b.Entity<StaffAuditEntry>(e =>
        {
            e.ToTable("StaffAudit");
            e.Property(a => a.StaffUserId).HasMaxLength(450);
            e.Property(a => a.StaffName).HasMaxLength(256);
            e.Property(a => a.Action).HasMaxLength(40);
            e.Property(a => a.CaseId).HasMaxLength(id);
            e.Property(a => a.StoreId).HasMaxLength(id);
            e.Property(a => a.Reason).HasMaxLength(CaseWorkflow.ReasonMax);
            e.Property(a => a.Detail).HasMaxLength(500);
            e.HasIndex(a => a.At);
            e.HasIndex(a => new { a.StaffUserId, a.At });
            e.HasIndex(a => new { a.StoreId, a.At });
        });
    }
}
