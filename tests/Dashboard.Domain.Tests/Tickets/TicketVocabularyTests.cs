using Dashboard.Domain.Tickets;

namespace Dashboard.Domain.Tests.Tickets;

public class TicketVocabularyTests
{
    [Fact]
    public void Wire_names_are_the_references_lowercase_names_in_its_order()
    {
        TicketVocabulary.Categories.Select(LowerWireNames.ToWire)
            .ShouldBe(["orders_payments", "products_catalog", "domains_setup", "billing_plans", "store_builder", "other"]);
        TicketVocabulary.Severities.Select(LowerWireNames.ToWire).ShouldBe(["critical", "high", "normal", "low"]);
        TicketVocabulary.Statuses.Select(LowerWireNames.ToWire).ShouldBe(["open", "answered", "closed"]);
        TicketVocabulary.Categories.Count.ShouldBe(Enum.GetValues<TicketCategory>().Length);
        TicketVocabulary.Severities.Count.ShouldBe(Enum.GetValues<TicketSeverity>().Length);
    }

    [Theory]
    [InlineData("orders_payments", true)]
    [InlineData("ORDERS_PAYMENTS", false)]
    [InlineData("Orders_payments", false)]
    [InlineData("payments", false)]
    [InlineData("", false)]
    [InlineData(null, false)]
    public void Only_the_exact_lowercase_name_parses(string? wire, bool parses)
    {
        LowerWireNames.TryParse<TicketCategory>(wire, out var category).ShouldBe(parses);
        if (parses) category.ShouldBe(TicketCategory.OrdersPayments);
    }

    [Fact]
    public void Defaults_are_other_and_normal()
    {
        TicketVocabulary.DefaultCategory.ShouldBe(TicketCategory.Other);
        TicketVocabulary.DefaultSeverity.ShouldBe(TicketSeverity.Normal);
    }

    [Fact]
    public void Wire_list_reads_as_a_sentence()
    {
        TicketVocabulary.WireList(TicketVocabulary.Severities).ShouldBe("critical, high, normal or low");
    }
}
