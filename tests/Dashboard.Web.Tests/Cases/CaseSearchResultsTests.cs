using System.Text.RegularExpressions;
using Dashboard.Domain;
using Dashboard.Web.Features.Cases;
using Dashboard.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Dashboard.Web.Tests.Cases;

/// <summary>
/// The search returns exactly the cases a plain reading of every subject and message finds, in list
/// order, page after page — whichever way it picks the page: few hits (looked up one by one), many
/// (walking the list index), or more than the cap (walking the list and asking the full-text index).
/// The cap is lowered here so a few hundred cases take every path.
/// </summary>
public partial class CaseSearchResultsTests : IAsyncLifetime
{
    private TestDatabase _db = null!;
    private string _storeId = "";
    private const int Cap = 25;

    // Words by how often they appear: in ~2% of entries, ~15%, ~60%.
    private static readonly (string Word, double Share)[] Words = [("rare", 0.02), ("refund", 0.15), ("licence", 0.6)];

    public async ValueTask InitializeAsync()
    {
        _db = await TestDatabase.CreateAsync();
        var (store, _, order) = await _db.AddStoreAsync("Search Store");
        var (other, _, otherOrder) = await _db.AddStoreAsync("Other Store");
        _storeId = store.Id;
        var random = new Random(7);
        var service = _db.CaseService();
        string Text(string filler)
        {
            var words = Words.Where(w => random.NextDouble() < w.Share).Select(w => w.Word);
            return string.Join(' ', words.Prepend(filler));
        }
        for (var i = 0; i < 160; i++)
        {
            var opened = await service.OpenAsync(store.Id, order.Id, Text($"Subject {i}"), Text("Hello there"));
            var id = opened.Case!.Id;
            _db.Clock.Advance(TimeSpan.FromMinutes(random.Next(1, 90)));
            if (random.NextDouble() < 0.6) await service.ReplyAsync(store.Id, id, Actor.Merchant("Theo"), Text("We are on it"));
            if (random.NextDouble() < 0.4) await service.CustomerReplyAsync(store.Id, id, Text("Thanks"));
            if (random.NextDouble() < 0.2) await service.UpdateAsync(store.Id, id, Actor.Merchant("Theo"), null, CaseStatus.Closed);
            // Another store's cases with the same words must never show up.
            if (i % 10 == 0) await service.OpenAsync(other.Id, otherOrder.Id, "licence refund rare", "licence refund rare");
        }
    }

    public async ValueTask DisposeAsync() => await _db.DisposeAsync();

    public static TheoryData<string, CaseStatus?, int> Searches => new()
    {
        { "rare", null, 5 }, { "rare", null, 20 },
        { "refund", null, 5 }, { "refund", CaseStatus.AwaitingCustomer, 5 },
        { "licence", null, 7 }, { "licence", CaseStatus.AwaitingMerchant, 5 }, { "licence", CaseStatus.Closed, 10 },
        { "licence refund", null, 5 }, { "refund*", null, 10 },
    };

    [Theory]
    [MemberData(nameof(Searches))]
    public async Task Every_page_holds_exactly_the_matching_cases_in_list_order(string search, CaseStatus? status, int pageSize)
    {
        var expected = await ReferenceAsync(search, status);
        expected.Count.ShouldBePositive();
        var queries = new CaseQueries(_db.Factory) { SearchHitCap = Cap };

        var seen = new List<string>();
        for (var page = 1; ; page++)
        {
            var result = await queries.ListAsync(_storeId, new CaseListQuery { Search = search, Status = status, Page = page, PageSize = pageSize });
            if (result.Rows.Count == 0)
            {
                // The page past the end: at most a lower bound of what there is.
                result.Total.ShouldBeLessThanOrEqualTo(expected.Count);
                break;
            }
            // Exact up to the cap; past it a lower bound ("25+"), never more than there are.
            if (result.TotalIsCapped) result.Total.ShouldBeInRange(status is null ? Cap : 1, expected.Count);
            else result.Total.ShouldBe(expected.Count);
            if (status is null && expected.Count <= Cap) result.TotalIsCapped.ShouldBeFalse();
            seen.AddRange(result.Rows.Select(r => r.Id));
        }

        seen.ShouldBe(expected);
    }

    /// <summary>The cases of the store whose subject, or one of whose messages, holds every word; in list order.</summary>
    private async Task<List<string>> ReferenceAsync(string search, CaseStatus? status)
    {
        var terms = search.Split(' ');
        bool Holds(string text)
        {
            var words = Word().Matches(text.ToLowerInvariant()).Select(m => m.Value).ToList();
            return terms.All(t => t.EndsWith('*') ? words.Any(w => w.StartsWith(t.TrimEnd('*'))) : words.Contains(t));
        }
        await using var db = _db.NewContext();
        var cases = await db.Cases.AsNoTracking().Where(c => c.StoreId == _storeId && (status == null || c.Status == status)).ToListAsync();
        var bodies = (await db.CaseMessages.AsNoTracking().Where(m => m.StoreId == _storeId).Select(m => new { m.CaseId, m.Body }).ToListAsync())
            .ToLookup(m => m.CaseId, m => m.Body);
        return cases.Where(c => Holds(c.Subject) || bodies[c.Id].Any(Holds))
            .OrderByDescending(c => c.LastMessageAt).ThenByDescending(c => c.CreatedAt).ThenByDescending(c => c.Id, StringComparer.Ordinal)
            .Select(c => c.Id).ToList();
    }

    [GeneratedRegex(@"[\p{L}\p{N}]+")]
    private static partial Regex Word();
}
