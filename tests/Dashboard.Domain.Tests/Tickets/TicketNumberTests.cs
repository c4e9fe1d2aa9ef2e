using Dashboard.Domain.Tickets;

namespace Dashboard.Domain.Tests.Tickets;

public class TicketNumberTests
{
    [Theory]
    [InlineData("42", 42)]
    [InlineData("000042", 42)]
    [InlineData("#000042", 42)]
    [InlineData("#42", 42)]
    [InlineData("1", 1)]
    [InlineData("999999999", 999_999_999)]
    public void Number_forms_read_as_the_number(string text, int expected)
    {
        TicketNumber.TryParse(text, out var number).ShouldBeTrue();
        number.ShouldBe(expected);
        TicketKey.TryParse(text, out var key).ShouldBeTrue();
        key.ShouldBe(new TicketKey(null, expected));
    }

    [Theory]
    [InlineData("0")]
    [InlineData("#")]
    [InlineData("")]
    [InlineData("-1")]
    [InlineData("4 2")]
    [InlineData("##42")]
    [InlineData("1234567890")]
    [InlineData("42a")]
    [InlineData("٤٢")]
    public void Anything_else_is_not_a_number(string text)
    {
        TicketNumber.TryParse(text, out _).ShouldBeFalse();
        TicketKey.TryParse(text, out _).ShouldBeFalse();
    }

    [Fact]
    public void A_uuid_reads_as_an_id()
    {
        var id = Guid.CreateVersion7();
        TicketKey.TryParse(id.ToString(), out var key).ShouldBeTrue();
        key.ShouldBe(new TicketKey(id, null));
        TicketKey.TryParse(id.ToString("N"), out _).ShouldBeFalse("only the hyphenated form the API returns");
    }

    [Fact]
    public void Numbers_show_with_six_digits_and_a_hash()
    {
        TicketNumber.Format(42).ShouldBe("#000042");
        TicketNumber.Format(1_234_567).ShouldBe("#1234567");
    }
}
