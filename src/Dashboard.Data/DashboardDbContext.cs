using Dashboard.Data.Entities;
using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace Dashboard.Data;

public sealed class DashboardDbContext(DbContextOptions<DashboardDbContext> options) : IdentityDbContext<AppUser>(options), IDataProtectionKeyContext
{
    /// <summary>The Data Protection key ring (sign-in and antiforgery cookies), shared by every instance on this database.</summary>
    public DbSet<DataProtectionKey> DataProtectionKeys => Set<DataProtectionKey>();

    public DbSet<Store> Stores => Set<Store>();
    public DbSet<StoreMember> StoreMembers => Set<StoreMember>();
    public DbSet<Customer> Customers => Set<Customer>();
    public DbSet<Order> Orders => Set<Order>();
    public DbSet<OrderItem> OrderItems => Set<OrderItem>();
    public DbSet<License> Licenses => Set<License>();
    public DbSet<SupportCase> Cases => Set<SupportCase>();
    public DbSet<CaseMessage> CaseMessages => Set<CaseMessage>();
    public DbSet<Attachment> Attachments => Set<Attachment>();
    public DbSet<StoreCaseCounts> CaseCounts => Set<StoreCaseCounts>();
    public DbSet<ApiToken> ApiTokens => Set<ApiToken>();
    public DbSet<IdempotencyRecord> IdempotencyRecords => Set<IdempotencyRecord>();
    public DbSet<OutboxEmail> Outbox => Set<OutboxEmail>();
    public DbSet<InboundEmail> InboundEmails => Set<InboundEmail>();
    public DbSet<JobLease> JobLeases => Set<JobLease>();
    public DbSet<PortalSignIn> PortalSignIns => Set<PortalSignIn>();
    public DbSet<SavedReply> SavedReplies => Set<SavedReply>();

    public DbSet<SupportTicket> Tickets => Set<SupportTicket>();
    public DbSet<TicketMessage> TicketMessages => Set<TicketMessage>();
    public DbSet<TicketAttachment> TicketAttachments => Set<TicketAttachment>();
    public DbSet<TicketCounter> TicketCounters => Set<TicketCounter>();
    public DbSet<LicencePoolKey> LicencePoolKeys => Set<LicencePoolKey>();
    public DbSet<LicenceActionRecord> LicenceActions => Set<LicenceActionRecord>();

    public DbSet<CaseSignal> CaseSignals => Set<CaseSignal>();
    public DbSet<PaymentEvent> PaymentEvents => Set<PaymentEvent>();
    public DbSet<CaseStaffAssignment> CaseStaffAssignments => Set<CaseStaffAssignment>();
    public DbSet<StaffAuditEntry> StaffAudit => Set<StaffAuditEntry>();

    public bool IsSqlite => Database.ProviderName == "Microsoft.EntityFrameworkCore.Sqlite";

    protected override void ConfigureConventions(ModelConfigurationBuilder builder)
    {
        // SQLite: store instants as UTC ticks (8-byte integers) — compact indexes and exact ordering.
        // SQL Server keeps datetime2.
        if (IsSqlite)
        {
            builder.Properties<DateTime>().HaveConversion<UtcTicksConverter>();
            builder.Properties<DateTime?>().HaveConversion<UtcTicksConverter>();
        }
        else
        {
            builder.Properties<DateTime>().HaveConversion<UtcKindConverter>();
            builder.Properties<DateTime?>().HaveConversion<UtcKindConverter>();
        }
    }

    protected override void OnModelCreating(ModelBuilder b)
    {
        base.OnModelCreating(b);
        const int id = 48;

        b.Entity<AppUser>(e =>
        {
            e.Property(u => u.DisplayName).HasMaxLength(120);
            e.Property(u => u.CurrentStoreId).HasMaxLength(id);
        });

        b.Entity<Store>(e =>
        {
            e.Property(s => s.Id).HasMaxLength(id);
            e.Property(s => s.Name).HasMaxLength(120);
            e.Property(s => s.NotificationEmail).HasMaxLength(256);
            e.Property(s => s.DefaultCurrency).HasMaxLength(3);
            e.Property(s => s.AutoReplyText).HasMaxLength(4000);
            e.Property(s => s.SettingsVersion).IsConcurrencyToken();
        });

        b.Entity<StoreMember>(e =>
        {
            e.HasKey(m => new { m.StoreId, m.UserId });
            e.HasIndex(m => m.UserId);
            e.HasOne(m => m.Store).WithMany(s => s.Members).HasForeignKey(m => m.StoreId);
            e.HasOne(m => m.User).WithMany(u => u.Memberships).HasForeignKey(m => m.UserId);
        });

        b.Entity<Customer>(e =>
        {
            e.Property(c => c.Id).HasMaxLength(id);
            e.Property(c => c.StoreId).HasMaxLength(id);
            e.Property(c => c.Email).HasMaxLength(256);
            e.Property(c => c.NormalizedEmail).HasMaxLength(256);
            e.Property(c => c.FirstName).HasMaxLength(100);
            e.Property(c => c.LastName).HasMaxLength(100);
            e.HasIndex(c => new { c.StoreId, c.Email });
            // The customer portal: one person's rows in every store.
            e.HasIndex(c => c.NormalizedEmail);
            e.HasOne<Store>().WithMany().HasForeignKey(c => c.StoreId).OnDelete(DeleteBehavior.Restrict);
        });

        b.Entity<Order>(e =>
        {
            e.Property(o => o.Id).HasMaxLength(id);
            e.Property(o => o.StoreId).HasMaxLength(id);
            e.Property(o => o.CustomerId).HasMaxLength(id);
            e.Property(o => o.OrderNumber).HasMaxLength(40);
            e.Property(o => o.Currency).HasMaxLength(3);
            e.Property(o => o.Gateway).HasMaxLength(40);
            e.Property(o => o.DiscountCode).HasMaxLength(60);
            e.Property(o => o.ReturnUrl).HasMaxLength(500);
            e.HasIndex(o => new { o.StoreId, o.OrderNumber }).IsUnique();
            e.HasIndex(o => o.CustomerId);
            e.HasOne<Store>().WithMany().HasForeignKey(o => o.StoreId).OnDelete(DeleteBehavior.Restrict);
            e.HasOne(o => o.Customer).WithMany().HasForeignKey(o => o.CustomerId).OnDelete(DeleteBehavior.Restrict);
            e.HasMany(o => o.Items).WithOne().HasForeignKey(i => i.OrderId);
            e.HasMany(o => o.Licenses).WithOne().HasForeignKey(l => l.OrderId);
            e.OwnsOne(o => o.BillingAddress, a =>
            {
                a.Property(x => x.Id).HasMaxLength(id);
                a.Property(x => x.AddressLine1).HasMaxLength(200);
                a.Property(x => x.AddressLine2).HasMaxLength(200);
                a.Property(x => x.City).HasMaxLength(100);
                a.Property(x => x.State).HasMaxLength(100);
                a.Property(x => x.PostalCode).HasMaxLength(20);
                a.Property(x => x.Country).HasMaxLength(2);
            });
            e.OwnsOne(o => o.Payment, p =>
            {
                p.Property(x => x.Id).HasMaxLength(id);
                p.Property(x => x.ReferenceId).HasMaxLength(100);
                p.Property(x => x.PspProvider).HasMaxLength(40);
                p.Property(x => x.CouponCode).HasMaxLength(60);
                p.Property(x => x.TaxId).HasMaxLength(60);
                // Payment events name the payment; the support console finds its order by it.
                p.HasIndex(x => x.Id);
            });
        });

        b.Entity<OrderItem>(e =>
        {
            e.Property(i => i.Id).HasMaxLength(id);
            e.Property(i => i.OrderId).HasMaxLength(id);
            e.Property(i => i.ProductId).HasMaxLength(id);
            e.Property(i => i.VariantId).HasMaxLength(id);
            e.Property(i => i.Name).HasMaxLength(200);
        });

        b.Entity<License>(e =>
        {
            e.Property(l => l.Id).HasMaxLength(id);
            e.Property(l => l.OrderId).HasMaxLength(id);
            e.Property(l => l.ProductId).HasMaxLength(id);
            e.Property(l => l.VariantId).HasMaxLength(id);
            e.Property(l => l.Key).HasMaxLength(200);
        });

        b.Entity<SupportCase>(e =>
        {
            e.ToTable("Cases");
            e.Property(c => c.Id).HasMaxLength(id);
            e.Property(c => c.StoreId).HasMaxLength(id);
            e.Property(c => c.CustomerId).HasMaxLength(id);
            e.Property(c => c.OrderId).HasMaxLength(id);
            e.Property(c => c.Subject).HasMaxLength(Dashboard.Domain.Limits.SubjectMax);
            e.Property(c => c.Version).IsConcurrencyToken();
            e.Property(c => c.ReplyToken).HasMaxLength(32);
            // An emailed reply finds its case by the token in the reply address.
            e.HasIndex(c => c.ReplyToken).IsUnique();
            // Each tab's sorted page (and its keyset) is a range of this index: store, status, then
            // the list order (lastMessageAt desc, createdAt desc, id desc) read backwards.
            e.HasIndex(c => new { c.StoreId, c.Status, c.LastMessageAt, c.CreatedAt, c.Id }).HasDatabaseName("IX_Cases_Tab");
            // The All tab.
            e.HasIndex(c => new { c.StoreId, c.LastMessageAt, c.CreatedAt, c.Id }).HasDatabaseName("IX_Cases_All");
            // The priority filter (dashboard and API): its count and sorted page without scanning the store.
            e.HasIndex(c => new { c.StoreId, c.Priority, c.LastMessageAt, c.CreatedAt, c.Id }).HasDatabaseName("IX_Cases_Priority");
            e.HasIndex(c => new { c.StoreId, c.CustomerId });
            // The signal sweep: a store's cases opened in a time window (whose 72 hours just ended).
            e.HasIndex(c => new { c.StoreId, c.CreatedAt }).HasDatabaseName("IX_Cases_Created");
            e.HasIndex(c => new { c.StoreId, c.OrderId });
            // The "Assigned: me / unassigned" filter: its count and sorted page without scanning the store.
            e.Property(c => c.AssigneeUserId).HasMaxLength(450);
            e.HasIndex(c => new { c.StoreId, c.AssigneeUserId, c.LastMessageAt, c.CreatedAt, c.Id }).HasDatabaseName("IX_Cases_Assignee");
            // Platform support's triage view: escalated cases of every store.
            e.HasIndex(c => new { c.Escalated, c.LastMessageAt });
            // The auto-close job: a store's cases awaiting the customer, oldest activity first. Only
            // those rows are in it, so other writes never touch it and a run reads just what is due.
            e.HasIndex(c => new { c.StoreId, c.LastActivityAt, c.AutoCloseWarnedAt }).HasDatabaseName("IX_Cases_AutoClose")
                .HasFilter((IsSqlite ? "\"Status\"" : "[Status]") + " = " + (int)Dashboard.Domain.CaseStatus.AwaitingCustomer);
            e.HasOne<Store>().WithMany().HasForeignKey(c => c.StoreId).OnDelete(DeleteBehavior.Restrict);
            e.HasOne(c => c.Customer).WithMany().HasForeignKey(c => c.CustomerId).OnDelete(DeleteBehavior.Restrict);
            e.HasOne(c => c.Order).WithMany().HasForeignKey(c => c.OrderId).OnDelete(DeleteBehavior.Restrict);
            e.HasMany(c => c.Messages).WithOne().HasForeignKey(m => m.CaseId);
            // SQLite: full-text triggers (migration AddCaseFullTextSearch) keep CaseSubjectSearch in
            // step; RETURNING does not mix with AFTER triggers, so EF uses its trigger-safe save path.
            if (IsSqlite) e.ToTable(t => t.UseSqlReturningClause(false));
        });

        b.Entity<SavedReply>(e =>
        {
            e.Property(r => r.Id).HasMaxLength(id);
            e.Property(r => r.StoreId).HasMaxLength(id);
            e.Property(r => r.Name).HasMaxLength(Dashboard.Domain.SavedReplyRules.NameMax);
            e.Property(r => r.Body).HasMaxLength(Dashboard.Domain.SavedReplyRules.TextMax);
            // One name per store: the reply box finds a saved reply by its name.
            e.HasIndex(r => new { r.StoreId, r.Name }).IsUnique();
            e.HasOne<Store>().WithMany().HasForeignKey(r => r.StoreId).OnDelete(DeleteBehavior.Cascade);
        });

        b.Entity<CaseMessage>(e =>
        {
            e.Property(m => m.Id).HasMaxLength(id);
            e.Property(m => m.CaseId).HasMaxLength(id);
            e.Property(m => m.StoreId).HasMaxLength(id);
            e.Property(m => m.AuthorName).HasMaxLength(120);
            e.Property(m => m.AuthorUserId).HasMaxLength(450);
            e.Property(m => m.Body).HasMaxLength(Dashboard.Domain.Limits.MessageBodyStorageMax);
            e.HasIndex(m => new { m.CaseId, m.CreatedAt, m.Sequence });
            // The notification menu in every page's layout: a store's customer messages since a moment,
            // newest first, read as a short range of this index (never a scan of the store's messages).
            e.HasIndex(m => new { m.StoreId, m.AuthorKind, m.CreatedAt }).HasDatabaseName("IX_CaseMessages_Notifications");
            e.HasMany(m => m.Attachments).WithOne().HasForeignKey(a => a.MessageId);
            if (IsSqlite) e.ToTable(t => t.UseSqlReturningClause(false));
        });

        b.Entity<Attachment>(e =>
        {
            e.Property(a => a.Id).HasMaxLength(id);
            e.Property(a => a.MessageId).HasMaxLength(id);
            e.Property(a => a.CaseId).HasMaxLength(id);
            e.Property(a => a.StoreId).HasMaxLength(id);
            e.Property(a => a.FileName).HasMaxLength(255);
            e.Property(a => a.ContentType).HasMaxLength(100);
            e.Property(a => a.Sha256).HasMaxLength(64);
            e.Property(a => a.StorageKey).HasMaxLength(200);
            e.HasIndex(a => a.MessageId);
        });

        b.Entity<StoreCaseCounts>(e =>
        {
            e.HasKey(c => c.StoreId);
            e.Property(c => c.StoreId).HasMaxLength(id);
            e.Ignore(c => c.All);
            e.HasOne<Store>().WithOne().HasForeignKey<StoreCaseCounts>(c => c.StoreId);
        });

        b.Entity<ApiToken>(e =>
        {
            e.Property(t => t.Id).HasMaxLength(id);
            e.Property(t => t.StoreId).HasMaxLength(id);
            e.Property(t => t.Name).HasMaxLength(100);
            e.Property(t => t.Prefix).HasMaxLength(20);
            e.Property(t => t.SecretHash).HasMaxLength(64);
            e.Property(t => t.CreatedByUserId).HasMaxLength(450);
            e.HasIndex(t => t.SecretHash).IsUnique();
            e.HasIndex(t => t.StoreId);
            e.HasOne<Store>().WithMany().HasForeignKey(t => t.StoreId);
        });

        b.Entity<IdempotencyRecord>(e =>
        {
            e.HasKey(r => new { r.TokenId, r.Key });
            e.Property(r => r.TokenId).HasMaxLength(id);
            e.Property(r => r.Key).HasMaxLength(255);
            e.Property(r => r.RequestHash).HasMaxLength(64);
            e.Property(r => r.ClaimId).HasMaxLength(32);
            e.HasIndex(r => r.CreatedAt);
        });

        b.Entity<OutboxEmail>(e =>
        {
            e.ToTable("Outbox");
            e.Property(o => o.StoreId).HasMaxLength(id);
            e.Property(o => o.CaseId).HasMaxLength(id);
            e.Property(o => o.Kind).HasMaxLength(40);
            e.Property(o => o.ToAddress).HasMaxLength(256);
            e.Property(o => o.ToName).HasMaxLength(200);
            e.Property(o => o.FromName).HasMaxLength(200);
            e.Property(o => o.Subject).HasMaxLength(300);
            e.Property(o => o.MessageIdHeader).HasMaxLength(300);
            e.Property(o => o.InReplyTo).HasMaxLength(300);
            e.Property(o => o.References).HasMaxLength(4000);
            e.Property(o => o.LeaseOwner).HasMaxLength(300);
            e.Property(o => o.ReplyTo).HasMaxLength(320);
            e.HasIndex(o => new { o.SentAt, o.NextAttemptAt });
            // An emailed reply finds its case by the Message-ID it answers (In-Reply-To / References).
            e.HasIndex(o => o.MessageIdHeader);
        });

        b.Entity<InboundEmail>(e =>
        {
            e.ToTable("InboundEmails");
            e.Property(m => m.MessageId).HasMaxLength(300);
            e.Property(m => m.Channel).HasMaxLength(20);
            e.Property(m => m.FromAddress).HasMaxLength(320);
            e.Property(m => m.FromName).HasMaxLength(200);
            e.Property(m => m.Subject).HasMaxLength(300);
            e.Property(m => m.Reason).HasMaxLength(1000);
            e.Property(m => m.CaseId).HasMaxLength(id);
            e.Property(m => m.StoreId).HasMaxLength(id);
            e.Property(m => m.CaseMessageId).HasMaxLength(id);
            e.Property(m => m.Text).HasMaxLength(Dashboard.Domain.Limits.MessageBodyMax);
            e.Property(m => m.RawKey).HasMaxLength(200);
            e.Property(m => m.ResolvedBy).HasMaxLength(120);
            // Two reviewers acting on one held email: the second write finds the status changed and is refused.
            e.Property(m => m.Status).IsConcurrencyToken();
            // The same email delivered twice (a mailbox re-read, a webhook retry) is recorded, and posted, once.
            e.HasIndex(m => m.MessageId).IsUnique();
            // The review page: one store's held mail, newest first; platform support's: everyone's.
            e.HasIndex(m => new { m.StoreId, m.Status, m.ReceivedAt });
            e.HasIndex(m => new { m.Status, m.ReceivedAt });
        });

        b.Entity<JobLease>(e =>
        {
            e.HasKey(l => l.Name);
            e.Property(l => l.Name).HasMaxLength(100);
            e.Property(l => l.Owner).HasMaxLength(200);
        });

        b.Entity<PortalSignIn>(e =>
        {
            e.Property(r => r.Id).HasMaxLength(id);
            e.Property(r => r.NormalizedEmail).HasMaxLength(256);
            e.Property(r => r.IpAddress).HasMaxLength(64);
            e.Property(r => r.TokenHash).HasMaxLength(64);
            e.Property(r => r.CodeHash).HasMaxLength(64);
            e.HasIndex(r => r.TokenHash).IsUnique();
            // The rate limits: requests per email and per IP address in the last window.
            e.HasIndex(r => new { r.NormalizedEmail, r.CreatedAt });
            e.HasIndex(r => new { r.IpAddress, r.CreatedAt });
        });

        TicketModel.Configure(b);
        LicenceModel.Configure(b);
        ConsoleModel.Configure(b);
    }

    private sealed class UtcTicksConverter() : ValueConverter<DateTime, long>(
        v => v.ToUniversalTime().Ticks,
        v => new DateTime(v, DateTimeKind.Utc));

    private sealed class UtcKindConverter() : ValueConverter<DateTime, DateTime>(
        v => v.ToUniversalTime(),
        v => DateTime.SpecifyKind(v, DateTimeKind.Utc));
}
