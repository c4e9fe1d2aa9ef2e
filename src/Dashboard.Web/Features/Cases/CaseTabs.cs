using Dashboard.Domain;

namespace Dashboard.Web.Features.Cases;

/// <summary>
/// Everything a tab means, in one table (<see cref="Describe"/>): its status, label, URL name and empty
/// state. A new tab or status is one edit here, and the compiler refuses a tab left out.
/// </summary>
public static class CaseTabs
{
    /// <summary>One tab: the status it lists (null: all), its label, its name in the URL (<c>/cases?tab=awaiting-you</c>), its empty state.</summary>
    public sealed record Info(CaseStatus? Status, string Label, string Slug, string Empty);

    public static readonly CaseTab[] InOrder = Enum.GetValues<CaseTab>();

    private static readonly Info[] Infos = InOrder.Select(Describe).ToArray();

    private static Info Describe(CaseTab tab) => tab switch
    {
        CaseTab.AwaitingYou => new(CaseStatus.AwaitingMerchant, "Awaiting you", "awaiting-you", "No cases awaiting you — nice work."),
        CaseTab.Open => new(CaseStatus.Open, "Open", "open", "No open cases right now."),
        CaseTab.AwaitingCustomer => new(CaseStatus.AwaitingCustomer, "Awaiting customer", "awaiting-customer", "No cases waiting on a customer."),
        CaseTab.Closed => new(CaseStatus.Closed, "Closed", "closed", "No closed cases yet."),
        CaseTab.All => new(null, "All", "all", "No cases yet. When a customer opens a case on an order, it shows up here."),
        _ => throw new ArgumentOutOfRangeException(nameof(tab), tab, null),
    };

    public static Info Of(CaseTab tab) => Infos[(int)tab];
    public static CaseStatus? Status(this CaseTab tab) => Of(tab).Status;
    public static string Label(this CaseTab tab) => Of(tab).Label;
    public static string Slug(this CaseTab tab) => Of(tab).Slug;

    public static CaseTab FromSlug(string? slug) => InOrder.FirstOrDefault(t => t.Slug() == slug, CaseTab.AwaitingYou);
}
