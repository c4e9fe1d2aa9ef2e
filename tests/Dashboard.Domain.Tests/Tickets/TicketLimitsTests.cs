using Dashboard.Domain.Tickets;

namespace Dashboard.Domain.Tests.Tickets;

public class TicketLimitsTests
{
    [Theory]
    [InlineData(9, "body must be 10–10,000 characters; it has 9")]
    [InlineData(10, null)]
    [InlineData(10_000, null)]
    [InlineData(10_001, "body must be 10–10,000 characters; it has 10,001")]
    public void Opening_body_is_10_to_10000_characters(int length, string? error)
    {
        TicketLimits.ValidateOpeningBody(new string('b', length), out _).ShouldBe(error);
    }

    [Fact]
    public void Bodies_are_counted_after_trimming()
    {
        TicketLimits.ValidateOpeningBody("   123456789   ", out var trimmed).ShouldBe("body must be 10–10,000 characters; it has 9");
        trimmed.ShouldBe("123456789");
        TicketLimits.ValidateReplyBody("  ", out _).ShouldBe("body is required (1–10,000 characters)");
        TicketLimits.ValidateReplyBody(null, out _).ShouldBe("body is required (1–10,000 characters)");
        TicketLimits.ValidateReplyBody("k", out _).ShouldBeNull();
    }

    [Theory]
    [InlineData(null, null)]
    [InlineData("ab", "subject must be 3–200 characters; it has 2")]
    [InlineData("abc", null)]
    [InlineData("", "subject is required (3–200 characters)")]
    public void Subject_is_optional_but_3_to_200_when_given(string? subject, string? error)
    {
        TicketLimits.ValidateSubject(subject, out _).ShouldBe(error);
        TicketLimits.ValidateSubject(new string('s', 200), out _).ShouldBeNull();
        TicketLimits.ValidateSubject(new string('s', 201), out _).ShouldBe("subject must be 3–200 characters; it has 201");
    }

    [Fact]
    public void Author_is_optional_but_1_to_120_when_given()
    {
        TicketLimits.ValidateAuthor(null, out var none).ShouldBeNull();
        none.ShouldBeNull();
        TicketLimits.ValidateAuthor(" Zapier ", out var trimmed).ShouldBeNull();
        trimmed.ShouldBe("Zapier");
        TicketLimits.ValidateAuthor("", out _).ShouldBe("author is required (1–120 characters)");
        TicketLimits.ValidateAuthor(new string('a', 121), out _).ShouldBe("author must be 1–120 characters; it has 121");
    }
}
