using Dashboard.Data;
using Dashboard.Data.Entities;
using Dashboard.Domain;
using Microsoft.EntityFrameworkCore;

namespace Dashboard.Web.Features.Attachments;

/// <summary>
/// Puts screenshots, receipts and logs on some seeded customer messages, through the same staging,
/// inspection and storage as a real upload. Called once at the end of the demo seed.
/// </summary>
public sealed class AttachmentDemoData(AttachmentVault vault, ILogger<AttachmentDemoData> logger)
{
    public async Task SeedAsync(DashboardDbContext db, CancellationToken ct = default)
    {
        // Every fourth case's opening message, newest first, so the first pages of each tab show some.
        var openings = await db.CaseMessages.AsNoTracking()
            .Where(m => m.AuthorKind == AuthorKind.Customer && m.Sequence == 0)
            .Join(db.Cases, m => m.CaseId, c => c.Id, (m, c) => new { Message = m, c.LastMessageAt, c.OrderId })
            .OrderByDescending(x => x.LastMessageAt).ThenBy(x => x.Message.Id)
            .ToListAsync(ct);
        var picked = openings.Where((_, i) => i % 4 == 0).Take(60).ToList();
        var orders = await db.Orders.AsNoTracking().Where(o => picked.Select(p => p.OrderId).Contains(o.Id))
            .Select(o => new { o.Id, o.OrderNumber, o.Amount, o.Currency, Product = o.Items.Select(i => i.Name).FirstOrDefault() })
            .ToDictionaryAsync(o => o.Id, ct);

        var rows = new List<Attachment>();
        for (var i = 0; i < picked.Count; i++)
        {
            var message = picked[i].Message;
            var order = orders[picked[i].OrderId];
            var product = order.Product ?? "Product";
            var files = (i % 4) switch
            {
                0 => new[] { ("activation-error.png", DemoFiles.ScreenshotPng(seed: i)) },
                1 => [($"receipt-{order.OrderNumber}.pdf", DemoFiles.ReceiptPdf(order.OrderNumber, product, $"{order.Amount / 100m:0.00} {order.Currency}"))],
                2 => [("launcher.log", DemoFiles.ActivationLog(product, message.CreatedAt.AddMinutes(-20)))],
                _ => [("screenshot.png", DemoFiles.ScreenshotPng(seed: i)), ("launcher.log", DemoFiles.ActivationLog(product, message.CreatedAt.AddMinutes(-5)))],
            };
            foreach (var (name, bytes) in files)
            {
                var staged = await vault.StageAsync(name, new MemoryStream(bytes), ct);
                if (!staged.Succeeded) throw new InvalidOperationException("Demo attachment refused: " + staged.Error);
                var (attachment, error) = await vault.CommitAsync(staged.File!.ToUpload(), message.StoreId, message.CaseId, message.Id, message.CreatedAt, ct);
                await vault.DeleteQuietlyAsync([staged.File.StagingKey]);
                rows.Add(attachment ?? throw new InvalidOperationException("Demo attachment refused: " + error));
            }
        }
        db.Attachments.AddRange(rows);
        await db.SaveChangesAsync(ct);
        logger.LogInformation("Seeded {Count} demo attachments", rows.Count);
    }
}
