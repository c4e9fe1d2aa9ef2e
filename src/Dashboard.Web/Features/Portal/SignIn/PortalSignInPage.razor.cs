using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.Options;

namespace Dashboard.Web.Features.Portal.SignIn;

/// <summary>
/// <c>/portal/sign-in</c>: the email form, then the code form (static server rendering: it sets the
/// portal cookie). Every answer is the service's; an email without orders reads like one with.
/// </summary>
public sealed partial class PortalSignInPage
{
    [Inject] private PortalSignInService SignIns { get; set; } = null!;
    [Inject] private NavigationManager Navigation { get; set; } = null!;
    [Inject] private IOptions<PortalSignInOptions> Options { get; set; } = null!;

    [CascadingParameter] private HttpContext HttpContext { get; set; } = null!;
    [SupplyParameterFromForm(FormName = "portal-email")] private EmailInput? EmailForm { get; set; }
    [SupplyParameterFromForm(FormName = "portal-code")] private CodeInput? CodeForm { get; set; }
    [SupplyParameterFromQuery] private string? ReturnUrl { get; set; }

    private sealed record PendingCode(string RequestId, string Email);

    private PendingCode? _request;
    private SignInDevelopmentAid? _aid;
    private string? _error;

    private int LifetimeMinutes => (int)Math.Round(Options.Value.Lifetime.TotalMinutes);
    private string SafeReturnUrl => PortalSignInRedirect.Local(CodeForm?.ReturnUrl ?? ReturnUrl);

    protected override async Task OnInitializedAsync()
    {
        EmailForm ??= new();
        CodeForm ??= new();
        // A posted code form renders again (its handler must find it), around the same request.
        if (!string.IsNullOrEmpty(CodeForm.RequestId)) _request = new PendingCode(CodeForm.RequestId, CodeForm.Email);
        if (HttpMethods.IsGet(HttpContext.Request.Method) && (await HttpContext.AuthenticateAsync(PortalAuth.Scheme)).Succeeded)
            Navigation.NavigateTo(SafeReturnUrl);
    }

    private async Task RequestAsync()
    {
        var result = await SignIns.RequestAsync(EmailForm!.Email, HttpContext.Connection.RemoteIpAddress?.ToString(), HttpContext.RequestAborted);
        if (!result.Succeeded)
        {
            _error = result.Error;
            return;
        }
        _request = new PendingCode(result.RequestId!, EmailForm.Email.Trim());
        _aid = result.DevelopmentAid;
    }

    private async Task VerifyAsync()
    {
        var result = await SignIns.RedeemCodeAsync(CodeForm!.RequestId, CodeForm.Code, HttpContext.RequestAborted);
        if (!result.Succeeded)
        {
            _error = result.Error;
            CodeForm.Code = "";
            return;
        }
        await PortalSignInRedirect.SignInAsync(HttpContext, result.Email!);
        Navigation.NavigateTo(SafeReturnUrl);
    }

    private sealed class EmailInput
    {
        public string Email { get; set; } = "";
    }

    private sealed class CodeInput
    {
        public string RequestId { get; set; } = "";
        public string Email { get; set; } = "";
        public string Code { get; set; } = "";
        public string? ReturnUrl { get; set; }
    }
}
