using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Unicode;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Localization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.WebEncoders;

namespace NtmWorkflow.Web.Pages;

/// <summary>The server-rendered interface: Razor Pages behind the sign-in cookie, Vietnamese first, English on request.</summary>
public static class WebInterface
{
    public static readonly CultureInfo Vietnamese = CultureInfo.GetCultureInfo("vi-VN");
    public static readonly CultureInfo English = CultureInfo.GetCultureInfo("en-US");

    /// <summary>The pages' authorization policy: signed in with the cookie, whose challenge is the sign-in page.</summary>
    public const string SignedIn = "pages";

    /// <summary>The administration pages' policy: signed in with the cookie, as an administrator.</summary>
    public const string Administrators = "pages-administrators";

    public static void AddWebInterface(this IServiceCollection services)
    {
        services.AddAuthorizationBuilder().AddPolicy(SignedIn, policy =>
            policy.AddAuthenticationSchemes(IdentityConstants.ApplicationScheme).RequireAuthenticatedUser())
            .AddPolicy(Administrators, policy =>
                policy.AddAuthenticationSchemes(IdentityConstants.ApplicationScheme).RequireRole(Engine.Roles.Administrator));
        services.AddScoped<Dossiers.UnitsInScope>();
        services.AddLocalization(options => options.ResourcesPath = "Resources");
        // Vietnamese letters written as they are, not as &#x1EC7; entities.
        services.Configure<WebEncoderOptions>(options => options.TextEncoderSettings = new TextEncoderSettings(UnicodeRanges.All));
        services.AddRazorPages(options =>
            {
                options.Conventions.AuthorizeFolder("/", SignedIn);
                options.Conventions.AuthorizeFolder("/Admin", Administrators);
                options.Conventions.AllowAnonymousToFolder("/Public");
                options.Conventions.AllowAnonymousToPage("/Account/Login");
                options.Conventions.AllowAnonymousToPage("/Status");
                options.Conventions.AllowAnonymousToPage("/Culture");
            })
            .AddViewLocalization()
            .AddDataAnnotationsLocalization(options =>
                options.DataAnnotationLocalizerProvider = (_, factory) => factory.Create(typeof(SharedResource)));
        services.AddOptions<MvcOptions>().Configure<IStringLocalizerFactory>((options, factory) =>
            BindingMessages.UseLocalized(options.ModelBindingMessageProvider, factory.Create(typeof(SharedResource))));
        services.Configure<MvcOptions>(InvariantFormValues.Use);
        services.Configure<RequestLocalizationOptions>(options =>
        {
            options.DefaultRequestCulture = new RequestCulture(Vietnamese);
            options.SupportedCultures = options.SupportedUICultures = [Vietnamese, English];
            // The choice made with the language switch, never the browser's: officials work in Vietnamese by default.
            options.RequestCultureProviders = [new CookieRequestCultureProvider()];
        });
    }
}

/// <summary>The interface's strings: the Vietnamese text is the key, Resources/SharedResource.en.resx translates it.</summary>
public sealed class SharedResource;
