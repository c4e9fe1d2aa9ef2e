using Dashboard.Domain;
using Dashboard.Web.Features.Cases;
using Dashboard.Web.Tests.Infrastructure;

namespace Dashboard.Web.Tests.Cases;

/// <summary>The list's search box on a real SQLite file: FTS5 over subjects and message bodies, ids, emails, order numbers.</summary>
public class CaseSearchTests : IAsyncLifetime
{
    private TestDatabase _db = null!;
    private static readonly Actor Ada = Actor.Merchant("Ada Merchant", "user-ada");

    public async ValueTask InitializeAsync() => _db = await TestDatabase.CreateAsync();
    public async ValueTask DisposeAsync() => await _db.DisposeAsync();

    private async Task<string[]> Search(string storeId, string text, CaseStatus? status = null) =>
        (await _db.CaseQueries().ListAsync(storeId, new CaseListQuery { Search = text, Status = status })).Rows.Select(r => r.Id).ToArray();

    [Fact]
    public async Task A_word_only_in_a_later_message_body_finds_the_case()
    {
        var (store, _, order) = await _db.AddStoreAsync();
        var hit = await _db.OpenCaseAsync(store.Id, order.Id, "Download problem");
        var miss = await _db.OpenCaseAsync(store.Id, order.Id, "Another download problem");
        (await _db.CaseService().CustomerReplyAsync(store.Id, hit.Id, "My bank talks about a chargeback now.")).Outcome.ShouldBe(CaseOutcome.Ok);
        (await _db.CaseService().ReplyAsync(store.Id, miss.Id, Ada, "Here is a new link.")).Outcome.ShouldBe(CaseOutcome.Ok);

        var result = await _db.CaseQueries().ListAsync(store.Id, new CaseListQuery { Search = "chargeback" });

        result.Rows.Select(r => r.Id).ShouldBe([hit.Id]);
        result.Total.ShouldBe(1);
        (await Search(store.Id, "CHARGEBACK")).ShouldBe([hit.Id]);
        (await Search(store.Id, "download")).ShouldBe([miss.Id, hit.Id], ignoreOrder: true);
    }

    [Fact]
    public async Task A_word_only_in_platform_supports_private_note_does_not_find_the_case_but_a_team_note_does()
    {
        var (store, _, order) = await _db.AddStoreAsync();
        var c = await _db.OpenCaseAsync(store.Id, order.Id, "Download problem");
        // No product path writes notes yet: the rows are inserted as one would be, and the index's trigger runs.
        await using (var db = _db.NewContext())
        {
            db.CaseMessages.AddRange(
                new Dashboard.Data.Entities.CaseMessage { CaseId = c.Id, StoreId = store.Id, Kind = CaseEntryKind.StaffNote, AuthorKind = AuthorKind.Support,
                    AuthorName = "Pandabase Support", Body = "Possible fraudring, watch this buyer.", CreatedAt = _db.Clock.UtcNow, Sequence = 9000 },
                new Dashboard.Data.Entities.CaseMessage { CaseId = c.Id, StoreId = store.Id, Kind = CaseEntryKind.TeamNote, AuthorKind = AuthorKind.Merchant,
                    AuthorName = "Ada Merchant", Body = "Sent the spare voucher.", CreatedAt = _db.Clock.UtcNow, Sequence = 9001 });
            await db.SaveChangesAsync();
        }

        (await Search(store.Id, "fraudring")).ShouldBeEmpty("the merchant's dashboard never shows support's private note");
        (await Search(store.Id, "voucher")).ShouldBe([c.Id]);
    }

    [Fact]
    public async Task Words_of_the_subject_are_found_and_all_words_must_match()
    {
        var (store, _, order) = await _db.AddStoreAsync();
        var licence = await _db.OpenCaseAsync(store.Id, order.Id, "Licence key missing");
        await _db.OpenCaseAsync(store.Id, order.Id, "Refund please");

        (await Search(store.Id, "licence")).ShouldBe([licence.Id]);
        (await Search(store.Id, "licence missing")).ShouldBe([licence.Id]);
        (await Search(store.Id, "licence refund")).ShouldBeEmpty();
    }

    [Fact]
    public async Task A_trailing_star_is_a_prefix_and_a_bare_word_matches_whole_words_only()
    {
        var (store, _, order) = await _db.AddStoreAsync();
        var c = await _db.OpenCaseAsync(store.Id, order.Id, "Refunded twice");

        (await Search(store.Id, "refund")).ShouldBeEmpty();
        (await Search(store.Id, "refund*")).ShouldBe([c.Id]);
        (await Search(store.Id, "REF*")).ShouldBe([c.Id]);
    }

    [Fact]
    public async Task Quoted_words_are_a_phrase()
    {
        var (store, _, order) = await _db.AddStoreAsync();
        var phrase = await _db.OpenCaseAsync(store.Id, order.Id, "You sent the wrong key");
        var scattered = await _db.OpenCaseAsync(store.Id, order.Id, "The key works but the colour is wrong");

        (await Search(store.Id, "\"wrong key\"")).ShouldBe([phrase.Id]);
        (await Search(store.Id, "wrong key")).ShouldBe([phrase.Id, scattered.Id], ignoreOrder: true);
        (await Search(store.Id, "\"wrong key")).ShouldBe([phrase.Id]); // unclosed quote: phrase to the end
    }

    /// <summary>
    /// Odd input never throws and finds exactly what its words say: punctuation-only input has no word
    /// and finds nothing; punctuation around "key" is dropped, so "(key", "-key" find the case; operators
    /// (NOT, AND, NEAR, OR, a column filter) are words to look for, which this case does not contain.
    /// </summary>
    [Theory]
    [InlineData("\"", false)]
    [InlineData("'", false)]
    [InlineData("\"\"", false)]
    [InlineData("it's", false)]
    [InlineData("a\"b", false)]
    [InlineData("key\" OR \"x", false)]
    [InlineData("NOT", false)]
    [InlineData("key AND", false)]
    [InlineData("(key", true)]
    [InlineData("Subject:key", false)]
    [InlineData("-key", true)]
    [InlineData("^key", true)]
    [InlineData("*", false)]
    [InlineData("key*)", true)]
    [InlineData("NEAR(key missing)", false)]
    [InlineData("%_\\", false)]
    [InlineData("💥 ключ", false)]
    [InlineData("💥 key", true)]
    public async Task Special_characters_never_throw_and_find_exactly_what_their_words_say(string text, bool findsTheCase)
    {
        var (store, _, order) = await _db.AddStoreAsync();
        var c = await _db.OpenCaseAsync(store.Id, order.Id, "Licence key missing"); // body: "Where is my key?"
        (await _db.CaseService().OpenAsync(store.Id, order.Id, "Refund please", "I want my money back")).Outcome.ShouldBe(CaseOutcome.Ok);

        var result = await _db.CaseQueries().ListAsync(store.Id, new CaseListQuery { Search = text });

        result.Rows.Select(r => r.Id).ShouldBe(findsTheCase ? [c.Id] : []);
        result.Total.ShouldBe(findsTheCase ? 1 : 0);
    }

    [Fact]
    public async Task Operators_are_taken_as_words_not_syntax()
    {
        var (store, _, order) = await _db.AddStoreAsync();
        var c = await _db.OpenCaseAsync(store.Id, order.Id, "Licence key missing");

        (await Search(store.Id, "key\" OR \"nothing")).ShouldBeEmpty(); // not "key OR nothing"
        (await Search(store.Id, "Subject:key")).ShouldBeEmpty();         // not a column filter
        (await Search(store.Id, "(key)")).ShouldBe([c.Id]);
    }

    [Fact]
    public async Task Search_stays_in_the_store_and_respects_the_tab()
    {
        var (store, _, order) = await _db.AddStoreAsync("Mine");
        var (other, _, otherOrder) = await _db.AddStoreAsync("Theirs");
        var mine = await _db.OpenCaseAsync(store.Id, order.Id, "Licence key missing");
        await _db.OpenCaseAsync(other.Id, otherOrder.Id, "Licence key missing");
        var closed = await _db.OpenCaseAsync(store.Id, order.Id, "Licence key again");
        (await _db.CaseService().UpdateAsync(store.Id, closed.Id, Ada, null, CaseStatus.Closed)).Outcome.ShouldBe(CaseOutcome.Ok);

        (await Search(store.Id, "licence")).ShouldBe([closed.Id, mine.Id], ignoreOrder: true);
        (await Search(store.Id, "licence", CaseStatus.Open)).ShouldBe([mine.Id]);
        (await Search(store.Id, "licence", CaseStatus.Closed)).ShouldBe([closed.Id]);
    }

    [Fact]
    public async Task Store_ids_that_differ_only_in_case_do_not_share_results()
    {
        // The full-text index narrows by a lowercased store token; the exact StoreId check must still hold.
        var (upper, _, upperOrder) = await _db.AddStoreAsync("Upper", "shp_CaseTwinStore01");
        var (lower, _, lowerOrder) = await _db.AddStoreAsync("Lower", "shp_casetwinstore01");
        var mine = await _db.OpenCaseAsync(upper.Id, upperOrder.Id, "Licence key missing");
        var theirs = await _db.OpenCaseAsync(lower.Id, lowerOrder.Id, "Licence key missing");

        (await Search(upper.Id, "licence")).ShouldBe([mine.Id]);
        (await Search(lower.Id, "licence")).ShouldBe([theirs.Id]);
        (await Search(lower.Id, "where")).ShouldBe([theirs.Id]); // the opening message body
    }

    [Fact]
    public async Task Case_id_customer_email_and_order_number_still_find_the_case()
    {
        var (store, customer, order) = await _db.AddStoreAsync();
        var c = await _db.OpenCaseAsync(store.Id, order.Id, "Anything");

        (await Search(store.Id, c.Id)).ShouldBe([c.Id]);
        (await Search(store.Id, customer.Email.ToUpperInvariant())).ShouldBe([c.Id]);
        (await Search(store.Id, order.OrderNumber)).ShouldBe([c.Id]);
        (await Search(store.Id, "cs_doesnotexist0000")).ShouldBeEmpty();
    }

    [Fact]
    public async Task Search_results_page_in_list_order_with_the_right_total()
    {
        var (store, _, order) = await _db.AddStoreAsync();
        var ids = new List<string>();
        for (var i = 0; i < 5; i++)
        {
            ids.Add((await _db.OpenCaseAsync(store.Id, order.Id, $"Broken installer {i}")).Id);
            _db.Clock.Advance(TimeSpan.FromMinutes(1));
        }
        await _db.OpenCaseAsync(store.Id, order.Id, "Unrelated");

        var page1 = await _db.CaseQueries().ListAsync(store.Id, new CaseListQuery { Search = "installer", PageSize = 2 });
        var page3 = await _db.CaseQueries().ListAsync(store.Id, new CaseListQuery { Search = "installer", PageSize = 2, Page = 3 });

        page1.Total.ShouldBe(5);
        page1.Rows.Select(r => r.Id).ShouldBe([ids[4], ids[3]]);
        page3.Rows.Select(r => r.Id).ShouldBe([ids[0]]);
        page1.Rows[0].OrderNumber.ShouldBe(order.OrderNumber);
    }

    [Fact]
    public void Search_text_becomes_a_safe_match_expression()
    {
        CaseSearchText.ToSqliteMatch(CaseSearchText.Parse("refund* \"wrong key\" it's")).ShouldBe("\"refund\"* \"wrong key\" \"it's\"");
        CaseSearchText.ToSqlServerContains(CaseSearchText.Parse("refund* \"wrong key\"")).ShouldBe("\"refund*\" AND \"wrong key\"");
        CaseSearchText.Parse("\" ' * -- ()").ShouldBeEmpty();
        CaseSearchText.ToSqliteMatch(CaseSearchText.Parse("   ")).ShouldBeNull();
    }
}
