using Dashboard.Domain.Tickets;

namespace Dashboard.Domain.Tests.Tickets;

public class TicketSubjectTests
{
    [Fact]
    public void A_short_body_is_its_own_subject_with_whitespace_collapsed()
    {
        TicketSubject.FromBody("  My payouts\n\nare   stuck  ").ShouldBe("My payouts are stuck");
    }

    [Fact]
    public void A_long_body_is_cut_at_a_word_boundary_with_an_ellipsis()
    {
        var subject = TicketSubject.FromBody(
            "Order #1042 was marked as refunded but the customer did not receive the funds. Stripe shows it pending.");
        subject.ShouldBe("Order #1042 was marked as refunded but the customer did not…");
        subject.Length.ShouldBeLessThanOrEqualTo(TicketSubject.GeneratedMax);
    }

    [Fact]
    public void One_enormous_word_is_cut_inside_the_word()
    {
        var subject = TicketSubject.FromBody(new string('x', 500));
        subject.ShouldBe(new string('x', TicketSubject.GeneratedMax - 1) + "…");
    }

    [Theory]
    [InlineData("a        b")]
    [InlineData("..........")]
    [InlineData("0123456789")]
    public void Every_valid_body_gives_a_valid_subject(string body)
    {
        TicketLimits.ValidateOpeningBody(body, out _).ShouldBeNull();
        var subject = TicketSubject.FromBody(body);
        TicketLimits.ValidateSubject(subject, out _).ShouldBeNull($"\"{subject}\"");
    }
}
