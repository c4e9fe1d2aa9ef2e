using System.Reflection;
using Dashboard.Web.Features.Portal;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Components;

namespace Dashboard.Web.Tests.Portal;

/// <summary>
/// Every routable page names its side: dashboard pages the dashboard sign-in (the default policy),
/// portal pages the portal's policy, the sign-in pages nobody. A new page in a new folder without its
/// _Imports fails here rather than opening to anyone.
/// </summary>
public class PageAccessTests
{
    private static readonly Type[] Pages = [.. typeof(Program).Assembly.GetTypes().Where(t => t.GetCustomAttributes<RouteAttribute>().Any())];

    private static IReadOnlyList<AuthorizeAttribute> Authorize(Type page) => [.. page.GetCustomAttributes<AuthorizeAttribute>(inherit: true)];
    private static bool Anonymous(Type page) => page.GetCustomAttribute<AllowAnonymousAttribute>(inherit: true) is not null;

    [Fact]
    public void Portal_pages_require_the_portal_policy_and_nothing_of_the_dashboard()
    {
        var portal = Pages.Where(p => p.Namespace == typeof(PortalAuth).Namespace).ToList();

        portal.Count.ShouldBeGreaterThanOrEqualTo(4);
        foreach (var page in portal)
        {
            Anonymous(page).ShouldBeFalse(page.Name);
            Authorize(page).Select(a => a.Policy).ShouldBe([PortalAuth.CustomerPolicy], page.Name);
        }
    }

    [Fact]
    public void Portal_pages_sit_in_the_portal_layout_which_has_no_layout_of_its_own()
    {
        var portal = Pages.Where(p => p.Namespace == typeof(PortalAuth).Namespace).ToList();

        portal.ShouldAllBe(p => p.GetCustomAttribute<LayoutAttribute>()!.LayoutType == typeof(PortalLayout));
        // A layout that names itself (as a folder's @layout would) makes Blazor wrap the page forever.
        typeof(PortalLayout).GetCustomAttribute<LayoutAttribute>().ShouldBeNull();
    }

    [Fact]
    public void The_portal_sign_in_pages_are_open_to_anyone()
    {
        var signIn = Pages.Where(p => p.Namespace == typeof(Features.Portal.SignIn.PortalSignInService).Namespace).ToList();

        signIn.Select(p => p.Name).ShouldBe(["PortalLinkPage", "PortalSignInPage"], ignoreOrder: true);
        signIn.ShouldAllBe(p => Anonymous(p));
    }

    [Fact]
    public void Dashboard_feature_pages_require_the_dashboard_sign_in()
    {
        var dashboard = Pages.Where(p => p.Namespace!.StartsWith("Dashboard.Web.Features.", StringComparison.Ordinal)
            && !p.Namespace.StartsWith(typeof(PortalAuth).Namespace!, StringComparison.Ordinal)).ToList();

        dashboard.Count.ShouldBeGreaterThanOrEqualTo(5);
        foreach (var page in dashboard)
        {
            Anonymous(page).ShouldBeFalse(page.Name);
            Authorize(page).ShouldNotBeEmpty(page.Name);
            Authorize(page).ShouldAllBe(a => a.Policy == null, page.Name + ": the default policy is the dashboard's");
        }
    }
}
