using Dashboard.Data.Entities;
using Dashboard.Web.Features.Portal;
using Dashboard.Web.Features.Portal.SignIn;
using Dashboard.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Dashboard.Web.Tests.Portal;

/// <summary>Passwordless sign-in: one-time link and code, hashed, 15 minutes, single use, 5 tries, rate limits, no enumeration.</summary>
public class PortalSignInTests : IAsyncLifetime
{
    private const string Ip = "203.0.113.7";
    private TestDatabase _db = null!;
    private Customer _customer = null!;

    public async ValueTask InitializeAsync()
    {
        _db = await TestDatabase.CreateAsync();
        (_, _customer, _) = await _db.AddStoreAsync("Northwind Keys");
    }

    public async ValueTask DisposeAsync() => await _db.DisposeAsync();

    private PortalSignInService SignIns => _db.PortalSignIns();

    private async Task<(List<PortalSignIn> Requests, List<OutboxEmail> Emails)> StoredAsync()
    {
        await using var db = _db.NewContext();
        return (await db.PortalSignIns.AsNoTracking().ToListAsync(), await db.Outbox.AsNoTracking().OrderBy(o => o.Id).ToListAsync());
    }

    private static string TokenOf(SignInRequest request) => request.DevelopmentAid!.Link!.Split("token=")[1];

    [Fact]
    public async Task A_known_email_gets_one_email_with_a_link_and_a_code_that_are_stored_only_as_hashes()
    {
        var request = await SignIns.RequestAsync("  " + _customer.Email.ToUpperInvariant() + " ", Ip);

        request.Outcome.ShouldBe(SignInRequestOutcome.Sent);
        var (link, code) = (request.DevelopmentAid!.Link!, request.DevelopmentAid.Code!);
        link.ShouldStartWith($"{TestDatabase.HostAddress}/portal/sign-in/link?token=");
        code.ShouldMatch(@"^\d{6}$");
        var (requests, emails) = await StoredAsync();
        var stored = requests.ShouldHaveSingleItem();
        stored.Id.ShouldBe(request.RequestId);
        stored.NormalizedEmail.ShouldBe(_customer.Email);
        stored.IpAddress.ShouldBe(Ip);
        stored.ExpiresAt.ShouldBe(_db.Clock.UtcNow.AddMinutes(15));
        stored.TokenHash.ShouldNotBeNull().ShouldNotContain(TokenOf(request));
        stored.CodeHash.ShouldNotBeNull().ShouldNotContain(code);
        var email = emails.ShouldHaveSingleItem();
        email.Kind.ShouldBe(SignInEmail.Kind);
        email.ToAddress.ShouldBe(_customer.Email.ToUpperInvariant());
        email.TextBody.ShouldContain(link);
        email.TextBody.ShouldContain(code);
        email.HtmlBody.ShouldContain(code);
        email.StoreId.ShouldBeNull();
        email.CaseId.ShouldBeNull();

        (await SignIns.RedeemCodeAsync(request.RequestId, code)).Email.ShouldBe(_customer.Email);
    }

    [Fact]
    public async Task An_unknown_email_gets_the_same_answer_and_no_email_and_no_code_can_sign_it_in()
    {
        var unknown = await SignIns.RequestAsync("nobody@nowhere.example", Ip);
        var known = await SignIns.RequestAsync(_customer.Email, Ip);

        unknown.Outcome.ShouldBe(known.Outcome);
        unknown.Error.ShouldBe(known.Error);
        unknown.RequestId.ShouldNotBeNull();
        unknown.DevelopmentAid.ShouldBe(new SignInDevelopmentAid(null, null));
        var (requests, emails) = await StoredAsync();
        emails.ShouldHaveSingleItem().ToAddress.ShouldBe(_customer.Email, "only the known address got an email");
        requests.Single(r => r.Id == unknown.RequestId).TokenHash.ShouldBeNull();

        // A guessed code for the unknown address answers exactly like a wrong code for a known one.
        var forUnknown = await SignIns.RedeemCodeAsync(unknown.RequestId, "123456");
        var wrongForKnown = await SignIns.RedeemCodeAsync(known.RequestId, known.DevelopmentAid!.Code == "123456" ? "654321" : "123456");
        forUnknown.Succeeded.ShouldBeFalse();
        forUnknown.Error.ShouldBe(wrongForKnown.Error);
    }

    [Fact]
    public async Task Outside_development_the_page_gets_no_link_or_code()
    {
        var request = await _db.PortalSignIns(environment: "Production").RequestAsync(_customer.Email, Ip);

        request.Outcome.ShouldBe(SignInRequestOutcome.Sent);
        request.DevelopmentAid.ShouldBeNull();
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("not-an-email")]
    [InlineData("two@@example.com")]
    [InlineData("spaces in@example.com")]
    [InlineData("nodot@localhost")]
    public async Task A_malformed_email_is_refused_with_a_clear_message_and_nothing_is_stored(string? email)
    {
        var request = await SignIns.RequestAsync(email, Ip);

        request.Outcome.ShouldBe(SignInRequestOutcome.Invalid);
        request.Error.ShouldBe(PortalSignInService.InvalidEmail);
        var (requests, emails) = await StoredAsync();
        requests.ShouldBeEmpty();
        emails.ShouldBeEmpty();
    }

    [Fact]
    public async Task A_link_works_once_and_then_neither_it_nor_the_code_signs_in_again()
    {
        var request = await SignIns.RequestAsync(_customer.Email, Ip);
        var token = TokenOf(request);

        (await SignIns.CheckLinkAsync(token)).Email.ShouldBe(_customer.Email, "looking does not use it");
        (await SignIns.RedeemLinkAsync(token)).Email.ShouldBe(_customer.Email);

        var again = await SignIns.RedeemLinkAsync(token);
        again.Succeeded.ShouldBeFalse();
        again.Error.ShouldBe(PortalSignInService.UsedLink);
        (await SignIns.CheckLinkAsync(token)).Error.ShouldBe(PortalSignInService.UsedLink);
        (await SignIns.RedeemCodeAsync(request.RequestId, request.DevelopmentAid!.Code)).Error.ShouldBe(PortalSignInService.UsedCode);
    }

    [Fact]
    public async Task A_code_works_once_and_then_the_link_is_spent_too()
    {
        var request = await SignIns.RequestAsync(_customer.Email, Ip);

        (await SignIns.RedeemCodeAsync(request.RequestId, request.DevelopmentAid!.Code)).Succeeded.ShouldBeTrue();

        (await SignIns.RedeemCodeAsync(request.RequestId, request.DevelopmentAid.Code)).Error.ShouldBe(PortalSignInService.UsedCode);
        (await SignIns.RedeemLinkAsync(TokenOf(request))).Error.ShouldBe(PortalSignInService.UsedLink);
    }

    [Fact]
    public async Task An_expired_link_or_code_is_refused_and_says_so()
    {
        var request = await SignIns.RequestAsync(_customer.Email, Ip);
        _db.Clock.Advance(TimeSpan.FromMinutes(15));

        var link = await SignIns.RedeemLinkAsync(TokenOf(request));
        var code = await SignIns.RedeemCodeAsync(request.RequestId, request.DevelopmentAid!.Code);

        link.Error.ShouldBe(SignIns.ExpiredLink);
        link.Error!.ShouldContain("expired");
        code.Error.ShouldBe(SignIns.ExpiredCode);
        (await StoredAsync()).Requests.ShouldHaveSingleItem().UsedAt.ShouldBeNull();
    }

    [Fact]
    public async Task A_link_still_works_a_moment_before_it_expires()
    {
        var request = await SignIns.RequestAsync(_customer.Email, Ip);
        _db.Clock.Advance(TimeSpan.FromMinutes(15) - TimeSpan.FromSeconds(1));

        (await SignIns.RedeemLinkAsync(TokenOf(request))).Succeeded.ShouldBeTrue();
    }

    [Theory]
    [InlineData("changed-last-char")]
    [InlineData("cut-short")]
    [InlineData("empty")]
    [InlineData("garbage")]
    public async Task An_altered_link_is_refused_and_the_real_one_still_works(string alteration)
    {
        var request = await SignIns.RequestAsync(_customer.Email, Ip);
        var token = TokenOf(request);
        var altered = alteration switch
        {
            "changed-last-char" => token[..^1] + (token[^1] == 'A' ? 'B' : 'A'),
            "cut-short" => token[..20],
            "empty" => "",
            _ => "<script>alert(1)</script>",
        };

        var result = await SignIns.RedeemLinkAsync(altered);

        result.Succeeded.ShouldBeFalse();
        result.Error.ShouldBe(PortalSignInService.InvalidLink);
        (await SignIns.RedeemLinkAsync(token)).Succeeded.ShouldBeTrue();
    }

    [Fact]
    public async Task Five_wrong_codes_count_down_and_then_even_the_right_code_is_dead()
    {
        var request = await SignIns.RequestAsync(_customer.Email, Ip);
        var right = request.DevelopmentAid!.Code!;
        var wrong = right == "000000" ? "111111" : "000000";

        var answers = new List<string?>();
        for (var i = 0; i < 5; i++) answers.Add((await SignIns.RedeemCodeAsync(request.RequestId, wrong)).Error);
        var sixth = await SignIns.RedeemCodeAsync(request.RequestId, right);

        answers.ShouldBe([
            "That code is not right. 4 tries left.",
            "That code is not right. 3 tries left.",
            "That code is not right. 2 tries left.",
            "That code is not right. 1 try left.",
            "That code is not right, and that was the last try. Ask for a new code.",
        ]);
        sixth.Succeeded.ShouldBeFalse();
        sixth.Error.ShouldBe(PortalSignInService.DeadCode);
        (await SignIns.RedeemLinkAsync(TokenOf(request))).Error.ShouldBe(PortalSignInService.DeadCode, "a request under guessing is locked whole");
        var stored = (await StoredAsync()).Requests.ShouldHaveSingleItem();
        stored.FailedAttempts.ShouldBe(5);
        stored.UsedAt.ShouldBeNull();
    }

    [Fact]
    public async Task Parallel_wrong_guesses_never_get_more_than_five_tries()
    {
        var request = await SignIns.RequestAsync(_customer.Email, Ip);
        var wrong = request.DevelopmentAid!.Code == "000000" ? "111111" : "000000";

        await Task.WhenAll(Enumerable.Range(0, 12).Select(_ => SignIns.RedeemCodeAsync(request.RequestId, wrong)));

        (await StoredAsync()).Requests.ShouldHaveSingleItem().FailedAttempts.ShouldBe(5);
        (await SignIns.RedeemCodeAsync(request.RequestId, request.DevelopmentAid.Code)).Error.ShouldBe(PortalSignInService.DeadCode);
    }

    [Theory]
    [InlineData("")]
    [InlineData("12345")]
    [InlineData("1234567")]
    [InlineData("12a456")]
    public async Task A_code_that_is_not_six_digits_is_answered_without_using_a_try(string code)
    {
        var request = await SignIns.RequestAsync(_customer.Email, Ip);

        (await SignIns.RedeemCodeAsync(request.RequestId, code)).Error.ShouldBe(PortalSignInService.CodeFormat);

        (await StoredAsync()).Requests.ShouldHaveSingleItem().FailedAttempts.ShouldBe(0);
        (await SignIns.RedeemCodeAsync(request.RequestId, " " + request.DevelopmentAid!.Code![..3] + " " + request.DevelopmentAid.Code[3..])).Succeeded
            .ShouldBeTrue("spaces typed inside the code are ignored");
    }

    [Fact]
    public async Task A_code_checked_against_a_made_up_request_is_refused()
    {
        var result = await SignIns.RedeemCodeAsync("psi_doesnotexist0000000", "123456");

        result.Succeeded.ShouldBeFalse();
        result.Error!.ShouldStartWith("That code is not right");
    }

    [Fact]
    public async Task One_address_may_ask_three_times_per_window_then_waits_and_nothing_more_is_stored()
    {
        for (var i = 0; i < 3; i++) (await SignIns.RequestAsync(_customer.Email, "198.51.100." + i)).Outcome.ShouldBe(SignInRequestOutcome.Sent);
        _db.Clock.Advance(TimeSpan.FromMinutes(5));

        var fourth = await SignIns.RequestAsync(_customer.Email.ToUpperInvariant(), "198.51.100.99");

        fourth.Outcome.ShouldBe(SignInRequestOutcome.RateLimited);
        fourth.Error.ShouldBe("Too many sign-in emails for this address. Wait 10 minutes and try again.");
        var (requests, emails) = await StoredAsync();
        requests.Count.ShouldBe(3);
        emails.Count.ShouldBe(3);

        _db.Clock.Advance(TimeSpan.FromMinutes(10) + TimeSpan.FromSeconds(1));
        (await SignIns.RequestAsync(_customer.Email, Ip)).Outcome.ShouldBe(SignInRequestOutcome.Sent, "the window moved on");
    }

    [Fact]
    public async Task One_ip_address_may_ask_ten_times_per_window_whatever_the_emails_and_nothing_more_is_stored()
    {
        for (var i = 0; i < 10; i++) (await SignIns.RequestAsync($"someone{i}@example.com", Ip)).Outcome.ShouldBe(SignInRequestOutcome.Sent);

        var eleventh = await SignIns.RequestAsync(_customer.Email, Ip);
        var otherNetwork = await SignIns.RequestAsync(_customer.Email, "192.0.2.1");

        eleventh.Outcome.ShouldBe(SignInRequestOutcome.RateLimited);
        eleventh.Error.ShouldBe("Too many sign-in requests from your network. Wait 15 minutes and try again.");
        otherNetwork.Outcome.ShouldBe(SignInRequestOutcome.Sent);
        var (requests, emails) = await StoredAsync();
        requests.Count.ShouldBe(11);
        emails.ShouldHaveSingleItem().ToAddress.ShouldBe(_customer.Email, "the refused request sent nothing");
    }

    [Fact]
    public async Task The_limits_and_lifetime_come_from_configuration()
    {
        var strict = _db.PortalSignIns(new PortalSignInOptions { RequestsPerEmail = 1, CodeAttempts = 1, Lifetime = TimeSpan.FromMinutes(2) });
        var request = await strict.RequestAsync(_customer.Email, Ip);

        (await strict.RequestAsync(_customer.Email, Ip)).Outcome.ShouldBe(SignInRequestOutcome.RateLimited);
        (await strict.RedeemCodeAsync(request.RequestId, request.DevelopmentAid!.Code == "000000" ? "111111" : "000000")).Error
            .ShouldBe("That code is not right, and that was the last try. Ask for a new code.");
        (await StoredAsync()).Requests.ShouldHaveSingleItem().ExpiresAt.ShouldBe(_db.Clock.UtcNow.AddMinutes(2));
    }
}
