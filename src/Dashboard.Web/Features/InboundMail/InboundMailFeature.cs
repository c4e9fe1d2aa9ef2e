namespace Dashboard.Web.Features.InboundMail;

public static class InboundMailFeature
{
    /// <summary>
    /// Customers' replies by email: reply addresses on outgoing mail, the one processor, the IMAP
    /// mailbox watcher (when <c>InboundMail:Imap:Host</c> is set), the webhook and the review page.
    /// </summary>
    public static IServiceCollection AddInboundMail(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<InboundMailOptions>().BindConfiguration(InboundMailOptions.Section)
            .Validate(o => string.IsNullOrEmpty(o.WebhookSecret) || o.WebhookSecret.Length >= 32, "InboundMail:WebhookSecret must be at least 32 characters")
            .Validate(o => o.WebhookTolerance > TimeSpan.Zero, "InboundMail:WebhookTolerance must be positive")
            .Validate(o => o.MaxMessageBytes > 0, "InboundMail:MaxMessageBytes must be positive")
            .Validate(o => !o.ReplyAddressesEnabled || MimeKit.MailboxAddress.TryParse($"{o.ReplyLocalPart}+{new string('0', 32)}@{o.ReplyDomain!.Trim()}", out _),
                "InboundMail:ReplyDomain and ReplyLocalPart must make a valid email address")
            .ValidateOnStart();
        services.AddOptions<ImapMailboxOptions>().BindConfiguration(ImapMailboxOptions.Section)
            .Validate(o => !o.Configured || o.Port is > 0 and < 65536, "InboundMail:Imap:Port must be a TCP port")
            .Validate(o => !o.Configured || !string.IsNullOrWhiteSpace(o.User), "InboundMail:Imap:User is required with InboundMail:Imap:Host")
            .Validate(o => o.PollInterval > TimeSpan.Zero && o.IdleRenewal > TimeSpan.Zero && o.InitialBackoff > TimeSpan.Zero && o.MaxBackoff >= o.InitialBackoff,
                "InboundMail:Imap intervals must be positive (MaxBackoff at least InitialBackoff)")
            .ValidateOnStart();
        services.AddSingleton<ReplyAddress>();
        services.AddSingleton<InboundMailProcessor>();
        services.AddSingleton<InboundMailReview>();
        services.AddScoped<HeldMailBadge>();
        services.AddSingleton<MailboxWatchStatus>();
        services.AddSingleton<ImapMailboxWatcher>();
        services.AddHostedService(sp => sp.GetRequiredService<ImapMailboxWatcher>());
        services.AddTransient<InboundMailDemoData>();
        return services;
    }
}
