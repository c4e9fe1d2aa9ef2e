using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.JSInterop;
using MudBlazor;
using MudBlazor.Services;

namespace Dashboard.Web.Tests.Infrastructure;

/// <summary>
/// The one shared bUnit set-up: MudBlazor services, a popover provider, and JS interop that is
/// loose for MudBlazor's and Blazor's own calls but strict for the product's: every call into
/// <c>wwwroot-assets/dashboard.js</c>, the <c>live.js</c> module or the clipboard must match one planned
/// here (<see cref="ProductJs"/>: name and argument shape); anything else fails the test. The same
/// list is checked against the real asset files (ProductJsContractTests), and the browser tests run
/// the real scripts.
/// </summary>
public abstract class DashboardTestContext : BunitContext
{
    private readonly JSRuntimeInvocationHandler _unplannedVoid;
    private readonly JSRuntimeInvocationHandler<bool> _unplannedBool;
    private readonly JSRuntimeInvocationHandler _unplannedInLiveModule;

    static DashboardTestContext()
    {
        // WaitForAssertion/WaitForState wait on a render, not on time; this only bounds how long a
        // render that never comes may take to fail, generous for a loaded 2-core machine.
        DefaultWaitTimeout = TimeSpan.FromSeconds(60); // bounds a failure only: CI machines are slow and loaded
    }

    protected DashboardTestContext()
    {
        JSInterop.Mode = JSRuntimeMode.Loose; // MudBlazor (popovers, focus, sizes) and Blazor (InputFile)
        Services.AddMudServices(o => o.SnackbarConfiguration.ShowTransitionDuration = 0);

        // The product's calls, as the real scripts define them (see ProductJs).
        AttachZone = JSInterop.SetupVoid(ProductJs.AttachZone, i => i.Arguments is [ElementReference]);
        AttachZone.SetVoidResult();
        Reveal = JSInterop.SetupVoid(ProductJs.Reveal, i => i.Arguments is [string selector] && selector.StartsWith("[data-testid=tab-", StringComparison.Ordinal));
        Reveal.SetVoidResult();
        CopyText = JSInterop.Setup<bool>(ProductJs.CopyText, i => i.Arguments is [string { Length: > 0 }]);
        CopyText.SetResult(true);
        ClipboardWrite = JSInterop.SetupVoid(ProductJs.ClipboardWrite, i => i.Arguments is [string { Length: > 0 }]);
        ClipboardWrite.SetVoidResult();
        LiveModule = JSInterop.SetupModule(ProductJs.LiveModule);
        SetTitleCount = LiveModule.SetupVoid(ProductJs.SetTitleCount, i => i.Arguments is [int n] && n >= 0);
        SetTitleCount.SetVoidResult();

        // Anything else into the product's scripts was not planned: it throws in the component and
        // fails the test at disposal even if the component swallowed the error (an unknown module
        // under /assets is caught at disposal only).
        _unplannedVoid = JSInterop.SetupVoid(i => ProductJs.IsProductCall(i.Identifier), isCatchAllHandler: true);
        _unplannedVoid.SetException(new UnplannedProductJsCall());
        _unplannedBool = JSInterop.Setup<bool>(i => ProductJs.IsProductCall(i.Identifier), isCatchAllHandler: true);
        _unplannedBool.SetException(new UnplannedProductJsCall());
        _unplannedInLiveModule = LiveModule.SetupVoid(_ => true, isCatchAllHandler: true);
        _unplannedInLiveModule.SetException(new UnplannedProductJsCall());
    }

    /// <summary><c>dashboard.attachZone(inputElement)</c>: drop and paste onto the reply box.</summary>
    protected JSRuntimeInvocationHandler AttachZone { get; }

    /// <summary><c>dashboard.reveal("[data-testid=tab-…]")</c>: keeps the current tab in view on a phone.</summary>
    protected JSRuntimeInvocationHandler Reveal { get; }

    /// <summary><c>dashboard.copyText(text)</c> → true when copied.</summary>
    protected JSRuntimeInvocationHandler<bool> CopyText { get; }

    /// <summary><c>navigator.clipboard.writeText(secret)</c> (the API token page).</summary>
    protected JSRuntimeInvocationHandler ClipboardWrite { get; }

    /// <summary>The <c>/assets/live.js</c> module; only <see cref="SetTitleCount"/> may be called on it.</summary>
    protected BunitJSModuleInterop LiveModule { get; }

    /// <summary><c>setTitleCount(n)</c> of live.js: the Awaiting you count in the tab title.</summary>
    protected JSRuntimeInvocationHandler SetTitleCount { get; }

    /// <summary>Renders the MudBlazor providers that menus, selects and snackbars need.</summary>
    protected IRenderedComponent<MudPopoverProvider> RenderProviders() => Render<MudPopoverProvider>();

    protected override async ValueTask DisposeAsyncCore()
    {
        await base.DisposeAsyncCore();
        var unplannedModules = JSInterop.Invocations["import"]
            .Where(i => i.Arguments is [string path] && path.StartsWith("/assets/", StringComparison.Ordinal) && path != ProductJs.LiveModule);
        var unplanned = _unplannedVoid.Invocations.Concat(_unplannedBool.Invocations).Concat(_unplannedInLiveModule.Invocations).Concat(unplannedModules)
            .Select(i => $"{i.Identifier}({string.Join(", ", i.Arguments.Select(a => a?.ToString() ?? "null"))})").ToList();
        unplanned.ShouldBeEmpty("a component called the product's JavaScript in a way no test planned (renamed function? new argument?)");
    }

    private sealed class UnplannedProductJsCall() : Exception("A call into the product's JavaScript that the test set-up does not know (see ProductJs)");
}
