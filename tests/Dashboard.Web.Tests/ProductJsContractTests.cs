using System.Text.RegularExpressions;
using Dashboard.Web.Tests.Infrastructure;

namespace Dashboard.Web.Tests;

/// <summary>
/// The bUnit tests answer the product's JavaScript calls from a plan (ProductJs); these tests hold
/// that plan to the real files, so renaming a function or changing its parameters in
/// wwwroot-assets breaks a test here even though bUnit never runs the script. What the scripts do
/// is checked in a real browser (Dashboard.E2E.Tests: ProductScriptTests, AttachmentTests).
/// </summary>
public class ProductJsContractTests
{
    private static string Read(string file) => File.ReadAllText(ProductJs.AssetPath(file));

    public static TheoryData<string, int> DashboardFunctions => new()
    {
        { ProductJs.AttachZone, 1 },
        { ProductJs.Reveal, 1 },
        { ProductJs.CopyText, 1 },
        { ProductJs.InsertAtCaret, 2 },
    };

    [Theory, MemberData(nameof(DashboardFunctions))]
    public void Dashboard_js_defines_each_function_the_components_call_with_its_parameters(string identifier, int parameters)
    {
        ProductJs.DashboardFunctions.ShouldContain(identifier);
        var name = identifier["dashboard.".Length..];
        var script = Read("dashboard.js");
        // Either a member of the window.dashboard literal ("name: async function (a)") or assigned later ("window.dashboard.name = function (a)").
        var definition = new Regex($@"(?:^\s*{name}\s*:\s*(?:async\s+)?function|window\.dashboard\.{name}\s*=\s*(?:async\s+)?function)\s*\(([^)]*)\)", RegexOptions.Multiline)
            .Match(script);
        definition.Success.ShouldBeTrue($"wwwroot-assets/dashboard.js does not define {identifier}");
        Parameters(definition.Groups[1].Value).ShouldBe(parameters, $"{identifier} takes {parameters} parameter(s) as the components call it");
        script.ShouldContain("window.dashboard = {", Case.Sensitive, "the namespace the components call into");
    }

    [Fact]
    public void Live_js_exports_set_title_count_taking_the_count()
    {
        ProductJs.LiveModuleExports.ShouldBe([ProductJs.SetTitleCount]);
        ProductJs.LiveModule.ShouldBe("/assets/live.js");
        var export = new Regex(@"^export\s+function\s+setTitleCount\s*\(([^)]*)\)", RegexOptions.Multiline).Match(Read("live.js"));
        export.Success.ShouldBeTrue("wwwroot-assets/live.js does not export setTitleCount");
        Parameters(export.Groups[1].Value).ShouldBe(1);
    }

    [Fact]
    public void The_app_shell_loads_dashboard_js()
    {
        var app = File.ReadAllText(Path.Combine(ProductJs.RepositoryRoot, "src", "Dashboard.Web", "Components", "App.razor"));
        app.ShouldContain("<script src=\"/assets/dashboard.js\"></script>");
    }

    private static int Parameters(string list) => list.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Length;
}
