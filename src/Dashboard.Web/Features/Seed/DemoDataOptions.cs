namespace Dashboard.Web.Features.Seed;

/// <summary>The <c>DemoData</c> section: seed the demo stores on first start (on in Development).</summary>
public sealed class DemoDataOptions
{
    public const string Section = "DemoData";
    public bool Enabled { get; set; }
}
