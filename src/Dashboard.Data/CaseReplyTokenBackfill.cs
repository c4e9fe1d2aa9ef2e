namespace Dashboard.Data;

/// <summary>
/// Hand-written SQL of migration <c>AddInboundMail</c>: cases that existed before the
/// <c>ReplyToken</c> column get a random token of their own (32 lower-case hex characters, as
/// <see cref="Entities.SupportCase.NewReplyToken"/> makes) before the unique index is created.
/// One statement per provider, because each has its own random function.
/// </summary>
public static class CaseReplyTokenBackfill
{
    public const string Sqlite = "UPDATE Cases SET ReplyToken = lower(hex(randomblob(16))) WHERE ReplyToken = '';";

    public const string SqlServer = "UPDATE Cases SET ReplyToken = LOWER(REPLACE(CONVERT(varchar(36), NEWID()), '-', '')) WHERE ReplyToken = '';";
}
