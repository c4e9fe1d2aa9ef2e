using MudBlazor;

namespace Dashboard.Web.Components.Layout;

public static class DashboardTheme
{
    public static readonly MudTheme Theme = new()
    {
        PaletteLight = new PaletteLight
        {
            Primary = "#3b5bdb",
            Secondary = "#0c8599",
            AppbarBackground = "#ffffff",
            AppbarText = "#1f2933",
            Background = "#f6f7f9",
            DrawerBackground = "#ffffff",
            TextPrimary = "#1f2933",
        },
        Typography = new Typography
        {
            Default = new DefaultTypography
            {
                FontFamily = ["Inter", "system-ui", "-apple-system", "Segoe UI", "Roboto", "Helvetica", "Arial", "sans-serif"],
            },
        },
        LayoutProperties = new LayoutProperties { DefaultBorderRadius = "6px" },
    };
}
