using Dashboard.Data.Entities;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;

namespace Dashboard.Web.Components.Account;

public static class AccountEndpoints
{
    /// <summary>Sign-out is a POST (with antiforgery), so a link in an email cannot sign anyone out.</summary>
    public static void MapAccount(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapPost("/account/logout", async (SignInManager<AppUser> signInManager, [FromForm] string? returnUrl) =>
        {
            await signInManager.SignOutAsync();
            return TypedResults.LocalRedirect("/account/login");
        });
    }
}
