using Microsoft.Extensions.DependencyInjection;
using MudBlazor;
using MudBlazor.Services;

namespace Dashboard.Web.Tests.Infrastructure;

/// <summary>The one shared bUnit set-up: MudBlazor services, loose JS interop, a popover provider.</summary>
public abstract class DashboardTestContext : BunitContext
{
    protected DashboardTestContext()
    {
        JSInterop.Mode = JSRuntimeMode.Loose;
        Services.AddMudServices(o => o.SnackbarConfiguration.ShowTransitionDuration = 0);
    }

    /// <summary>Renders the MudBlazor providers that menus, selects and snackbars need.</summary>
    protected IRenderedComponent<MudPopoverProvider> RenderProviders() => Render<MudPopoverProvider>();
}
