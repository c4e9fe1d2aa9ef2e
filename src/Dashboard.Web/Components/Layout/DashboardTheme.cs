using MudBlazor;

namespace Dashboard.Web.Components.Layout;

/// <summary>
/// The dashboard's MudBlazor theme. Every colour MudBlazor puts text on or under (filled chips and badges
/// with white text, text buttons in the colour) reaches WCAG AA 4.5:1 against white: MudBlazor's defaults
/// do not (Error #f44336 3.7:1, Success #00c853 2.2:1, Warning #ff9800 2.2:1, Info #2196f3 3.1:1).
/// The same values as the --dash-* tokens in wwwroot-assets/styles.css; docs/accessibility.md lists the ratios.
/// </summary>
public static class DashboardTheme
{
    public static readonly MudTheme Theme = new()
    {
        PaletteLight = new PaletteLight
        {
            Primary = "#3b5bdb",
            Secondary = "#0b7285", // white text on it: 5.6:1
            AppbarBackground = "#ffffff",
            AppbarText = "#1f2933",
            Background = "#f6f7f9",
            DrawerBackground = "#ffffff",
            TextPrimary = "#1f2933",
            TextSecondary = "#52606d", // 6.4:1 on white
            Error = "#c92a2a",         // 5.5:1 (white on it, or it on white)
            Success = "#1e7b45",       // 5.3:1
            Warning = "#8a5a00",       // 5.9:1
            Info = "#1971c2",          // 5.0:1
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
