using System.ComponentModel.DataAnnotations;

namespace Dashboard.Web.Features.Support;

/// <summary><c>SupportConsole:*</c>: the console queue's page size and when a waiting customer counts as overdue.</summary>
public sealed class SupportConsoleOptions
{
    public const string Section = "SupportConsole";

    /// <summary>A customer waiting longer than this since their last message (unanswered by staff) is marked overdue.</summary>
    [Range(typeof(TimeSpan), "00:05:00", "30.00:00:00")]
    public TimeSpan OverdueAfter { get; set; } = TimeSpan.FromHours(24);

    [Range(5, 100)]
    public int PageSize { get; set; } = 25;
}
