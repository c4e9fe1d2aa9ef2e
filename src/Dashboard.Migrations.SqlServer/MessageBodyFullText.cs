namespace Dashboard.Migrations.SqlServer;

/// <summary>
/// SQL Server refuses to alter a column that a full-text index covers: a migration that changes
/// <c>CaseMessages.Body</c> drops the index first and creates it again after (same definition as
/// AddCaseFullTextSearch). Full-text DDL cannot run in a transaction: call with <c>suppressTransaction</c>.
/// </summary>
public static class MessageBodyFullText
{
    public const string DropIndex = "DROP FULLTEXT INDEX ON [CaseMessages];";

    public const string CreateIndex =
        "CREATE FULLTEXT INDEX ON [CaseMessages]([Body] LANGUAGE 0) KEY INDEX [PK_CaseMessages] ON DashboardSearch WITH CHANGE_TRACKING AUTO, STOPLIST = OFF;";
}
