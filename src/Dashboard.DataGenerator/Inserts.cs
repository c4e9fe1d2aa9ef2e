using Dashboard.Domain;
using Microsoft.Data.Sqlite;

namespace Dashboard.DataGenerator;

/// <summary>One prepared INSERT per table, reused for every row (parameters rebound, statement kept).</summary>
internal sealed class Inserts
{
    private readonly Cmd _customer, _order, _item, _license, _case, _message;

    public Inserts(SqliteConnection conn)
    {
        _customer = new Cmd(conn, "Customers", "Id", "StoreId", "Email", "NormalizedEmail", "FirstName", "LastName", "Guest", "CreatedAt");
        _order = new Cmd(conn, "Orders", "Id", "StoreId", "CustomerId", "OrderNumber", "Status", "Amount", "Currency", "Gateway",
            "Discounted", "DiscountCode", "CustomFieldsJson", "ReturnUrl", "CreatedAt", "UpdatedAt",
            "BillingAddress_Id", "BillingAddress_AddressLine1", "BillingAddress_AddressLine2", "BillingAddress_City",
            "BillingAddress_State", "BillingAddress_PostalCode", "BillingAddress_Country",
            "Payment_Id", "Payment_ReferenceId", "Payment_Amount", "Payment_DiscountAmount", "Payment_PlatformFeeAmount",
            "Payment_PspFeeAmount", "Payment_TaxAmount", "Payment_TotalAmount", "Payment_SettledAmount", "Payment_Status",
            "Payment_PspProvider", "Payment_CouponCode", "Payment_TaxId", "Payment_CreatedAt");
        _item = new Cmd(conn, "OrderItems", "Id", "OrderId", "ProductId", "VariantId", "Name", "Quantity", "Price");
        _license = new Cmd(conn, "Licenses", "Id", "OrderId", "Key", "Status", "ProductId", "VariantId", "ClaimedAt");
        _case = new Cmd(conn, "Cases", "Id", "StoreId", "CustomerId", "OrderId", "Subject", "Status", "Priority", "UnreadCount",
            "Escalated", "LastMessageAt", "LastMessageBy", "ClosedAt", "ClosedBy", "CreatedAt", "UpdatedAt", "LastActivityAt", "AutoCloseWarnedAt", "Version", "ReplyToken");
        _message = new Cmd(conn, "CaseMessages", "Id", "CaseId", "StoreId", "Kind", "AuthorKind", "AuthorName", "AuthorUserId", "Body", "CreatedAt", "Sequence");
    }

    public void Enlist(SqliteTransaction tx)
    {
        foreach (var c in new[] { _customer, _order, _item, _license, _case, _message }) c.Command.Transaction = tx;
    }

    public void Customer(string id, string storeId, string email, string? first, string? last, bool guest, long createdAt) =>
        _customer.Run(id, storeId, email, CustomerEmail.Normalize(email), first, last, guest ? 1 : 0, createdAt);

    public void Order(string id, string storeId, string customerId, string number, long amount, string currency, string gateway,
        bool discounted, string? discountCode, DateTime at, (string City, string Country)? address,
        string paymentId, string reference, long discount, long platformFee, long pspFee, long tax, long total) =>
        _order.Run(id, storeId, customerId, number, (int)OrderStatus.Completed, amount, currency, gateway,
            discounted ? 1 : 0, discountCode, "{}", null, at.Ticks, at.Ticks,
            address is null ? null : Ids.Address + reference[3..23], address is null ? null : "1 Market Street", null,
            address?.City, null, address is null ? null : "10001", address?.Country,
            paymentId, reference, amount, discount, platformFee, pspFee, tax, total, total - platformFee - pspFee,
            (int)PaymentStatus.Succeeded, gateway, discountCode, null, at.Ticks);

    public void OrderItem(string id, string orderId, string productId, string name, int quantity, long price) =>
        _item.Run(id, orderId, productId, null, name, quantity, price);

    public void License(string id, string orderId, string key, LicenseStatus status, string productId, DateTime? claimedAt) =>
        _license.Run(id, orderId, key, (int)status, productId, null, claimedAt?.Ticks);

    /// <param name="replyToken">The case's reply address token (unique, as <c>SupportCase.NewReplyToken</c> makes them).</param>
    public void Case(string id, string storeId, string customerId, string orderId, string subject, CaseState s, DateTime createdAt, long version, string replyToken) =>
        _case.Run(id, storeId, customerId, orderId, subject, (int)s.Status, (int)s.Priority, s.UnreadCount, s.Escalated ? 1 : 0,
            s.LastMessageAt.Ticks, (int)s.LastMessageBy, s.ClosedAt?.Ticks, s.ClosedBy is { } by ? (int)by : null,
            createdAt.Ticks, s.UpdatedAt.Ticks, s.LastActivityAt.Ticks, s.AutoCloseWarnedAt?.Ticks, version, replyToken);

    public void Message(string id, string caseId, string storeId, CaseEntryKind kind, AuthorKind author, string name, string? userId, string body, DateTime at, long sequence) =>
        _message.Run(id, caseId, storeId, (int)kind, (int)author, name, userId, body, at.Ticks, sequence);

    private sealed class Cmd
    {
        public SqliteCommand Command { get; }
        private readonly SqliteParameter[] _params;

        public Cmd(SqliteConnection conn, string table, params string[] columns)
        {
            Command = conn.CreateCommand();
            Command.CommandText = $"INSERT INTO \"{table}\" ({string.Join(", ", columns.Select(c => $"\"{c}\""))}) VALUES ({string.Join(", ", columns.Select((_, i) => $"$p{i}"))})";
            _params = columns.Select((_, i) => Command.Parameters.Add(new SqliteParameter($"$p{i}", null))).ToArray();
        }

        public void Run(params object?[] values)
        {
            for (var i = 0; i < values.Length; i++) _params[i].Value = values[i] ?? DBNull.Value;
            Command.ExecuteNonQuery();
        }
    }
}
