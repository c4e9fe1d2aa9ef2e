using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Dashboard.Migrations.Sqlite.Migrations
{
    /// <summary>
    /// Full-text search over case subjects and message bodies (SQLite FTS5). Two external-content
    /// indexes: they store only the index, the text stays in Cases / CaseMessages, and triggers keep
    /// them in step with every insert, delete and edit. Each also indexes the row's StoreId, so a search
    /// is narrowed to one store inside the index (a store's rows are never read for another store's
    /// search); the query still checks StoreId exactly, since the tokenizer lowercases. Their rowid is the row's rowid: stable,
    /// because both tables carry indexes (VACUUM keeps the rowids of such tables).
    /// The case list's search box matches them (CaseQueries.ListAsync); Dashboard.DataGenerator
    /// drops the triggers during a bulk load and rebuilds the indexes at the end.
    /// </summary>
    public partial class AddCaseFullTextSearch : Migration
    {
        private const string Tokenizer = "tokenize='unicode61 remove_diacritics 2', columnsize=0";

        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql($"CREATE VIRTUAL TABLE CaseSubjectSearch USING fts5(Subject, StoreId, content='Cases', content_rowid='rowid', {Tokenizer});");
            migrationBuilder.Sql($"CREATE VIRTUAL TABLE CaseMessageSearch USING fts5(Body, StoreId, content='CaseMessages', content_rowid='rowid', {Tokenizer});");

            migrationBuilder.Sql("""
                CREATE TRIGGER Cases_Search_Insert AFTER INSERT ON Cases BEGIN
                  INSERT INTO CaseSubjectSearch(rowid, Subject, StoreId) VALUES (new.rowid, new.Subject, new.StoreId);
                END;
                """);
            migrationBuilder.Sql("""
                CREATE TRIGGER Cases_Search_Delete AFTER DELETE ON Cases BEGIN
                  INSERT INTO CaseSubjectSearch(CaseSubjectSearch, rowid, Subject, StoreId) VALUES ('delete', old.rowid, old.Subject, old.StoreId);
                END;
                """);
            migrationBuilder.Sql("""
                CREATE TRIGGER Cases_Search_Update AFTER UPDATE OF Subject, StoreId ON Cases BEGIN
                  INSERT INTO CaseSubjectSearch(CaseSubjectSearch, rowid, Subject, StoreId) VALUES ('delete', old.rowid, old.Subject, old.StoreId);
                  INSERT INTO CaseSubjectSearch(rowid, Subject, StoreId) VALUES (new.rowid, new.Subject, new.StoreId);
                END;
                """);
            migrationBuilder.Sql("""
                CREATE TRIGGER CaseMessages_Search_Insert AFTER INSERT ON CaseMessages BEGIN
                  INSERT INTO CaseMessageSearch(rowid, Body, StoreId) VALUES (new.rowid, new.Body, new.StoreId);
                END;
                """);
            migrationBuilder.Sql("""
                CREATE TRIGGER CaseMessages_Search_Delete AFTER DELETE ON CaseMessages BEGIN
                  INSERT INTO CaseMessageSearch(CaseMessageSearch, rowid, Body, StoreId) VALUES ('delete', old.rowid, old.Body, old.StoreId);
                END;
                """);
            migrationBuilder.Sql("""
                CREATE TRIGGER CaseMessages_Search_Update AFTER UPDATE OF Body, StoreId ON CaseMessages BEGIN
                  INSERT INTO CaseMessageSearch(CaseMessageSearch, rowid, Body, StoreId) VALUES ('delete', old.rowid, old.Body, old.StoreId);
                  INSERT INTO CaseMessageSearch(rowid, Body, StoreId) VALUES (new.rowid, new.Body, new.StoreId);
                END;
                """);

            // Rows written before this migration.
            migrationBuilder.Sql("INSERT INTO CaseSubjectSearch(CaseSubjectSearch) VALUES ('rebuild');");
            migrationBuilder.Sql("INSERT INTO CaseMessageSearch(CaseMessageSearch) VALUES ('rebuild');");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            foreach (var trigger in new[] { "Cases_Search_Insert", "Cases_Search_Delete", "Cases_Search_Update",
                         "CaseMessages_Search_Insert", "CaseMessages_Search_Delete", "CaseMessages_Search_Update" })
                migrationBuilder.Sql($"DROP TRIGGER IF EXISTS {trigger};");
            migrationBuilder.Sql("DROP TABLE IF EXISTS CaseMessageSearch;");
            migrationBuilder.Sql("DROP TABLE IF EXISTS CaseSubjectSearch;");
        }
    }
}
