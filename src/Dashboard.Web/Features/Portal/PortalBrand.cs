namespace Dashboard.Web.Features.Portal;

/// <summary>The portal's own, store-neutral face: it serves the customers of every store on the platform.</summary>
public static class PortalBrand
{
    public const string Name = "Pandabase Help Center";
    public static readonly string Icon = MudBlazor.Icons.Material.Outlined.ShoppingBag;
}
