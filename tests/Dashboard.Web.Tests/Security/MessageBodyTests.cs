using Dashboard.Data.Entities;
using Dashboard.Domain;
using Dashboard.Web.Features.Cases;
using Dashboard.Web.Features.Email;
using Dashboard.Web.Tests.Cases;
using Microsoft.EntityFrameworkCore;

namespace Dashboard.Web.Tests.Security;

/// <summary>
/// Message bodies as the server stores, shows and emails them, and the reply box counting exactly as
/// the server does (characters a person sees).
/// </summary>
public class MessageBodyTests : CasePageTestBase
{
    /// <summary>The product's case service with its effects: replies write their emails to the outbox.</summary>
    private CaseService ServiceWithEmail() => Db.CaseService();

    private async Task<List<CaseMessage>> MessagesAsync(string caseId)
    {
        await using var db = Db.NewContext();
        return await db.CaseMessages.AsNoTracking().Where(m => m.CaseId == caseId && m.AuthorKind != AuthorKind.System)
            .OrderBy(m => m.Sequence).ToListAsync();
    }

    [Fact]
    public async Task A_body_of_nul_bytes_is_refused_and_nothing_is_stored_or_emailed()
    {
        var c = await OpenCaseAsync();
        var before = await MessagesAsync(c.Id);

        var result = await ServiceWithEmail().ReplyAsync(Store.Id, c.Id, Ada, "\0\0\0\0");

        result.Outcome.ShouldBe(CaseOutcome.Invalid);
        result.Error.ShouldBe("Message contains a control character (U+0000) that cannot be sent; remove it and try again");
        (await MessagesAsync(c.Id)).Count.ShouldBe(before.Count);
        await using var db = Db.NewContext();
        (await db.Outbox.CountAsync(o => o.Kind == EmailKinds.CaseReply)).ShouldBe(0);
    }

    [Theory]
    [InlineData("\u200B\u200B\u200B")]
    [InlineData("\uFEFF")]
    [InlineData("\u200D \u2060\n\u3164")]
    public async Task An_invisible_only_body_is_refused_as_empty(string body)
    {
        var c = await OpenCaseAsync();

        var result = await Db.CaseService().ReplyAsync(Store.Id, c.Id, Ada, body);

        result.Outcome.ShouldBe(CaseOutcome.Invalid);
        result.Error.ShouldBe("Message cannot be empty");
    }

    [Fact]
    public async Task Bidi_overrides_are_neither_stored_nor_emailed()
    {
        var c = await OpenCaseAsync();

        var result = await ServiceWithEmail().ReplyAsync(Store.Id, c.Id, Ada, "Your file: invoice\u202Efdp.exe\u202C and \u2067isolated\u2069");

        result.Outcome.ShouldBe(CaseOutcome.Ok);
        (await MessagesAsync(c.Id)).Last().Body.ShouldBe("Your file: invoicefdp.exe and isolated");
        await using var db = Db.NewContext();
        var email = await db.Outbox.AsNoTracking().SingleAsync(o => o.Kind == EmailKinds.CaseReply);
        email.TextBody.ShouldContain("Your file: invoicefdp.exe and isolated");
        email.HtmlBody.ShouldContain("Your file: invoicefdp.exe and isolated");
        new[] { email.TextBody, email.HtmlBody }.ShouldAllBe(part => !part.Any(ch => ch >= '\u202A' && ch <= '\u202E'));
    }

    [Fact]
    public async Task An_old_row_with_a_nul_and_an_override_is_shown_neutralised()
    {
        var c = await OpenCaseAsync("Old row");
        await using (var db = Db.NewContext())
        {
            await db.CaseMessages.Where(m => m.CaseId == c.Id)
                .ExecuteUpdateAsync(s => s.SetProperty(m => m.Body, "Key\0 is \u202Eyek"));
        }

        var page = Render<CaseDetailPage>(p => p.Add(x => x.CaseId, c.Id));

        var body = page.WaitForElement("[data-testid=timeline-entry] .entry-body");
        body.TextContent.ShouldBe("Key\uFFFD is yek");
        body.GetAttribute("dir").ShouldBe("auto");
    }

    [Fact]
    public async Task Four_thousand_emoji_are_accepted_and_one_more_is_refused_by_the_server()
    {
        var c = await OpenCaseAsync();
        var limit = string.Concat(Enumerable.Repeat("🙂", Limits.MessageBodyMax));

        (await Db.CaseService().ReplyAsync(Store.Id, c.Id, Ada, limit + "🙂")).Error
            .ShouldBe("Message is too long: 4,001 characters, the limit is 4,000");
        var accepted = await Db.CaseService().ReplyAsync(Store.Id, c.Id, Ada, limit);

        accepted.Outcome.ShouldBe(CaseOutcome.Ok);
        (await MessagesAsync(c.Id)).Last().Body.ShouldBe(limit);
    }

    [Fact]
    public async Task The_reply_counter_counts_an_emoji_as_one_and_agrees_with_the_server_at_the_limit()
    {
        var c = await OpenCaseAsync();
        RenderProviders();
        var page = Render<CaseDetailPage>(p => p.Add(x => x.CaseId, c.Id));
        var box = page.WaitForElement("textarea[data-testid=reply-body]");
        string Counter() => page.Find("[data-testid=reply-counter]").TextContent.Trim();
        bool SendDisabled() => page.Find("[data-testid=reply-send]").HasAttribute("disabled");

        box.Input("Thanks 👍🏽 👨‍👩‍👧‍👦 🇩🇪");
        Counter().ShouldBe("12 / 4,000");

        var limit = string.Concat(Enumerable.Repeat("😀", Limits.MessageBodyMax));
        page.Find("textarea[data-testid=reply-body]").Input(limit);
        Counter().ShouldBe("4,000 / 4,000");
        SendDisabled().ShouldBeFalse();
        Limits.ValidateBody(limit, out _).ShouldBeNull();

        page.Find("textarea[data-testid=reply-body]").Input(limit + "😀");
        Counter().ShouldBe("4,001 / 4,000");
        SendDisabled().ShouldBeTrue();
        page.Find("[data-testid=reply-problem]").TextContent.ShouldBe(Limits.ValidateBody(limit + "😀", out _));
    }

    [Fact]
    public async Task The_reply_box_says_why_a_control_character_cannot_be_sent()
    {
        var c = await OpenCaseAsync();
        RenderProviders();
        var page = Render<CaseDetailPage>(p => p.Add(x => x.CaseId, c.Id));

        page.WaitForElement("textarea[data-testid=reply-body]").Input("Pasted from a terminal: \u001b[31mred");

        page.Find("[data-testid=reply-problem]").TextContent.ShouldContain("control character (U+001B)");
        page.Find("[data-testid=reply-send]").HasAttribute("disabled").ShouldBeTrue();
    }
}
