using Dashboard.Domain;

namespace Dashboard.Data;

/// <summary>
/// The SQLite full-text index of case subjects and message bodies (FTS5), shared by the migration
/// that creates it and by Dashboard.DataGenerator, which drops its trigger for a bulk load and fills
/// it in one pass afterwards.
/// <para>
/// One contentless table, one row per subject or message, whose rowid says where the text belongs:
/// <c>store rowid &lt;&lt; 42 | case rowid &lt;&lt; 12 | entry</c> (entry 0 is the subject, 1… the case's
/// messages in the order written). So a search reads only the index: the rowid range of one store
/// narrows it to the store (an index seek, not a join), and each hit names its case without reading a
/// row (docs/benchmarks.md). Limits of the packing: 2,097,151 stores, 1,073,741,823 cases, and the
/// first 4,095 messages of a case are searchable (later ones are not indexed).
/// </para>
/// Cases and messages are never edited or deleted by the product, so only inserts are indexed. Only
/// entries the merchant's dashboard shows are indexed (<see cref="SearchableKinds"/>): a search there
/// must not find a case by words of platform support's private note.
/// </summary>
public static class CaseSearchIndex
{
    public const string Table = "CaseSearch";
    public const int StoreShift = 42;
    public const int CaseShift = 12;
    public const long CaseMask = (1L << (StoreShift - CaseShift)) - 1;
    public const int MaxEntries = (1 << CaseShift) - 1;

    /// <summary>The timeline entries a search matches: those the merchant's dashboard shows.</summary>
    public static readonly IReadOnlyList<CaseEntryKind> SearchableKinds = TimelineVisibility.KindsVisibleTo(TimelineAudience.MerchantDashboard);

    /// <summary>SQL: the entry kinds a search matches, as a list for <c>IN</c>.</summary>
    private static readonly string SearchableKindList = string.Join(", ", SearchableKinds.Select(k => (int)k));

    /// <summary>The first and last rowid of a store's entries.</summary>
    public static (long From, long To) StoreRange(long storeRowid) => (storeRowid << StoreShift, ((storeRowid + 1) << StoreShift) - 1);

    /// <summary>SQL: the case rowid of an index row's rowid.</summary>
    public static string CaseRowidOf(string rowid) => $"(({rowid} >> {CaseShift}) & {CaseMask})";

    public const string CreateTable =
        $"CREATE VIRTUAL TABLE {Table} USING fts5(Text, content='', tokenize='unicode61 remove_diacritics 2', columnsize=0, detail=full);";

    public static readonly string[] Triggers =
    [
        $"""
        CREATE TRIGGER Cases_Search_Insert AFTER INSERT ON Cases BEGIN
          INSERT INTO {Table}(rowid, Text)
          SELECT (s.rowid << {StoreShift}) | (new.rowid << {CaseShift}), new.Subject FROM Stores AS s WHERE s.Id = new.StoreId;
        END;
        """,
        $"""
        CREATE TRIGGER CaseMessages_Search_Insert AFTER INSERT ON CaseMessages WHEN new.Kind IN ({SearchableKindList}) BEGIN
          INSERT INTO {Table}(rowid, Text)
          SELECT (s.rowid << {StoreShift}) | (c.rowid << {CaseShift}) | n.Entry, new.Body
          FROM Cases AS c JOIN Stores AS s ON s.Id = c.StoreId
          JOIN (SELECT COUNT(*) AS Entry FROM CaseMessages WHERE CaseId = new.CaseId) AS n
          WHERE c.Id = new.CaseId AND n.Entry <= {MaxEntries};
        END;
        """,
    ];

    public static readonly string[] TriggerNames = ["Cases_Search_Insert", "CaseMessages_Search_Insert"];

    /// <summary>
    /// Fills the index from every existing row (after a bulk load, or when the index is created). Rows go in
    /// in rowid order: FTS5 writes its pending terms out whenever a rowid is not above the last one, so an
    /// unordered fill writes a segment per row (a million cases took over 15 minutes that way). Message
    /// bodies are read after the sort, so only keys are sorted.
    /// </summary>
    public static readonly string[] Rebuild =
    [
        $"INSERT INTO {Table}({Table}) VALUES ('delete-all');",
        $"""
        INSERT INTO {Table}(rowid, Text)
        SELECT (s.rowid << {StoreShift}) | (c.rowid << {CaseShift}) AS Entry, c.Subject
        FROM Cases AS c JOIN Stores AS s ON s.Id = c.StoreId ORDER BY Entry;
        """,
        $"""
        INSERT INTO {Table}(rowid, Text)
        SELECT e.Entry, m.Body
        FROM (SELECT (s.rowid << {StoreShift}) | (c.rowid << {CaseShift}) | n.Entry AS Entry, n.MessageRowid
              FROM (SELECT rowid AS MessageRowid, CaseId, Kind, row_number() OVER (PARTITION BY CaseId ORDER BY rowid) AS Entry FROM CaseMessages) AS n
              JOIN Cases AS c ON c.Id = n.CaseId JOIN Stores AS s ON s.Id = c.StoreId
              WHERE n.Entry <= {MaxEntries} AND n.Kind IN ({SearchableKindList}) ORDER BY Entry) AS e
        CROSS JOIN CaseMessages AS m ON m.rowid = e.MessageRowid
        ORDER BY e.Entry;
        """,
        $"INSERT INTO {Table}({Table}) VALUES ('optimize');",
    ];

    /// <summary>
    /// Migration PagePerformance: replaces the two per-table external-content indexes of
    /// AddCaseFullTextSearch (CaseSubjectSearch, CaseMessageSearch and their six triggers) with this one.
    /// </summary>
    public static IEnumerable<string> ReplacePerTableIndexes() =>
        LegacyTriggers.Select(t => $"DROP TRIGGER IF EXISTS {t};")
            .Concat(["DROP TABLE IF EXISTS CaseSubjectSearch;", "DROP TABLE IF EXISTS CaseMessageSearch;", CreateTable])
            .Concat(Triggers).Concat(Rebuild);

    /// <summary>The way back (Down): this index dropped, the per-table indexes recreated and rebuilt.</summary>
    public static IEnumerable<string> RestorePerTableIndexes() =>
        TriggerNames.Select(t => $"DROP TRIGGER IF EXISTS {t};").Append($"DROP TABLE IF EXISTS {Table};").Concat(
        [
            "CREATE VIRTUAL TABLE CaseSubjectSearch USING fts5(Subject, StoreId, content='Cases', content_rowid='rowid', tokenize='unicode61 remove_diacritics 2', columnsize=0);",
            "CREATE VIRTUAL TABLE CaseMessageSearch USING fts5(Body, StoreId, content='CaseMessages', content_rowid='rowid', tokenize='unicode61 remove_diacritics 2', columnsize=0);",
            "CREATE TRIGGER Cases_Search_Insert AFTER INSERT ON Cases BEGIN INSERT INTO CaseSubjectSearch(rowid, Subject, StoreId) VALUES (new.rowid, new.Subject, new.StoreId); END;",
            "CREATE TRIGGER CaseMessages_Search_Insert AFTER INSERT ON CaseMessages BEGIN INSERT INTO CaseMessageSearch(rowid, Body, StoreId) VALUES (new.rowid, new.Body, new.StoreId); END;",
            "INSERT INTO CaseSubjectSearch(CaseSubjectSearch) VALUES ('rebuild');",
            "INSERT INTO CaseMessageSearch(CaseMessageSearch) VALUES ('rebuild');",
        ]);

    private static readonly string[] LegacyTriggers =
    [
        "Cases_Search_Insert", "Cases_Search_Delete", "Cases_Search_Update",
        "CaseMessages_Search_Insert", "CaseMessages_Search_Delete", "CaseMessages_Search_Update",
    ];
}
