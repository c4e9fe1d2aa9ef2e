namespace Dashboard.Domain.Tests;

public class IdsTests
{
    [Theory]
    [InlineData("cs_abc123def456", "cs_", true)]
    [InlineData("shp_northwindkeys01", "shp_", true)]
    [InlineData("ord_abc123def456", "cs_", false)]
    [InlineData("cs_short", "cs_", false)]
    [InlineData("cs_abc123def456abc123def456abc123def456abc123def456", "cs_", false)]
    [InlineData("cs_abc/../def456", "cs_", false)]
    [InlineData(null, "cs_", false)]
    public void IsValid_checks_prefix_length_and_characters(string? id, string prefix, bool valid) =>
        Ids.IsValid(id, prefix).ShouldBe(valid);

    [Fact]
    public void New_ids_are_valid_and_distinct()
    {
        var ids = Enumerable.Range(0, 1000).Select(_ => Ids.New(Ids.Case)).ToList();
        ids.ShouldAllBe(id => Ids.IsValid(id, Ids.Case));
        ids.Distinct().Count().ShouldBe(1000);
    }

    [Fact]
    public void New_draws_from_the_whole_alphabet_at_any_length()
    {
        var long1 = Ids.New(Ids.Secret, 300);
        long1.Length.ShouldBe(303);
        long1[3..].ShouldAllBe(c => char.IsAsciiLetterOrDigit(c));
        var pooled = string.Concat(Enumerable.Range(0, 200).Select(_ => Ids.New("x_")[2..]));
        pooled.Distinct().Count().ShouldBe(62);
    }

    [Fact]
    public void Wire_names_round_trip()
    {
        WireNames.ToWire(CaseStatus.AwaitingCustomer).ShouldBe("AWAITING_CUSTOMER");
        WireNames.ToWire(PaymentStatus.PartiallyRefunded).ShouldBe("PARTIALLY_REFUNDED");
        WireNames.TryParse<CaseStatus>("AWAITING_MERCHANT", out var s).ShouldBeTrue();
        s.ShouldBe(CaseStatus.AwaitingMerchant);
        WireNames.TryParse<CaseStatus>("awaiting_merchant", out _).ShouldBeFalse();
    }
}
