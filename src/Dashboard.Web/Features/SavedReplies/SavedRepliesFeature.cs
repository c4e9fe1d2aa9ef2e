namespace Dashboard.Web.Features.SavedReplies;

public static class SavedRepliesFeature
{
    /// <summary>Saved replies: Settings → Saved replies, and the reply box's menu.</summary>
    public static IServiceCollection AddSavedReplies(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddSingleton<SavedReplyService>();
        return services;
    }
}
