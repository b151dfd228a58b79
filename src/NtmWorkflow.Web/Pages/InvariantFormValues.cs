using System.Globalization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.ModelBinding;

namespace NtmWorkflow.Web.Pages;

/// <summary>
/// Reads posted form fields in the invariant culture. A browser sends a number input's value as "96.5" and a date
/// input's as "2026-03-20" whatever the page's language, while in vi-VN "." groups thousands: read in the request's
/// culture, 96.5 % became 965 % and was refused.
/// </summary>
internal sealed class InvariantFormValues : IValueProviderFactory
{
    public async Task CreateValueProviderAsync(ValueProviderFactoryContext context)
    {
        var request = context.ActionContext.HttpContext.Request;
        if (request.HasFormContentType)
        {
            var form = await request.ReadFormAsync(context.ActionContext.HttpContext.RequestAborted);
            context.ValueProviders.Add(new FormValueProvider(BindingSource.Form, form, CultureInfo.InvariantCulture));
        }
    }

    /// <summary>Puts this reader where the culture-sensitive form reader was.</summary>
    public static void Use(MvcOptions options)
    {
        var index = options.ValueProviderFactories.IndexOf(options.ValueProviderFactories.OfType<FormValueProviderFactory>().Single());
        options.ValueProviderFactories[index] = new InvariantFormValues();
    }
}
