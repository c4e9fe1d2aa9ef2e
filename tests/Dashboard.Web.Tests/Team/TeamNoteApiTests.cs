using System.Net;
using System.Text.Json;
using Dashboard.Domain;
using Dashboard.Web.Features.Cases;
using Dashboard.Web.Tests.Api;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Dashboard.Web.Tests.Team;

/// <summary>The Store API (v2) never shows a team note, and a note moves none of the case object's fields.</summary>
public class TeamNoteApiTests(StoreApiApp app) : IClassFixture<StoreApiApp>
{
    [Fact]
    public async Task A_note_written_in_the_dashboard_is_not_in_the_api_case_and_its_fields_are_unchanged()
    {
        var some = await app.AnyCaseAsync("OPEN");
        var caseId = some.GetProperty("id").GetString()!;
        var url = $"{StoreApiApp.Cases()}/{caseId}";
        var before = (await app.Api(StoreApiApp.NorthwindReadOnly).GetJsonAsync(url, HttpStatusCode.OK)).GetProperty("data");
        Actor owner;
        await using (var db = app.Db())
            owner = await db.StoreMembers.Where(m => m.StoreId == StoreApiApp.Northwind && m.Role == StoreRole.Owner)
                .Select(m => Actor.Merchant(m.User.DisplayName, m.UserId)).FirstAsync(Xunit.TestContext.Current.CancellationToken);
        const string note = "Team only: this customer asked twice, refund allowed.";

        var written = await app.Services.GetRequiredService<CaseService>().AddNoteAsync(StoreApiApp.Northwind, caseId, owner, note, ct: Xunit.TestContext.Current.CancellationToken);

        written.Outcome.ShouldBe(CaseOutcome.Ok, written.Error);
        var after = (await app.Api(StoreApiApp.NorthwindReadOnly).GetJsonAsync(url, HttpStatusCode.OK)).GetProperty("data");
        after.GetProperty("messages").EnumerateArray().ShouldNotContain(m => m.GetProperty("body").GetString() == note);
        after.GetProperty("messages").GetArrayLength().ShouldBe(before.GetProperty("messages").GetArrayLength());
        foreach (var field in new[] { "status", "unreadCount", "lastMessageAt", "lastMessageBy", "updatedAt" })
            Text(after, field).ShouldBe(Text(before, field), field);
    }

    private static string Text(JsonElement data, string field) => data.GetProperty(field).GetRawText();
}
