using Hangfire;
using Hangfire.Dashboard;
using Microsoft.AspNetCore.Identity;
using NtmWorkflow.Engine;

namespace NtmWorkflow.Web.Jobs;

/// <summary>
/// Hangfire's dashboard for administrators, read-only for the province's leaders. The endpoint's policy authenticates
/// the sign-in cookie and answers as the pages do (the sign-in page for anyone signed out, 403 for any other role);
/// the dashboard's own filter checks the role again, since a filter that lets everyone through is its default only
/// for local requests. Hangfire's antiforgery check on its buttons stays on.
/// </summary>
public static class JobsDashboard
{
    public const string Path = "/admin/jobs";

    private static readonly string[] Viewers = [Roles.Administrator, Roles.ProvinceLeader];

    public static IEndpointConventionBuilder MapJobsDashboard(this IEndpointRouteBuilder app) =>
        app.MapHangfireDashboard(Path, new DashboardOptions
            {
                Authorization = [new ViewerFilter()],
                IsReadOnlyFunc = context => !context.GetHttpContext().User.IsInRole(Roles.Administrator),
                DashboardTitle = "NtmWorkflow",
                AppPath = "/Admin/Users",
                DisplayStorageConnectionString = false,
            })
            .RequireAuthorization(policy => policy.AddAuthenticationSchemes(IdentityConstants.ApplicationScheme).RequireRole(Viewers));

    private sealed class ViewerFilter : IDashboardAuthorizationFilter
    {
        public bool Authorize(DashboardContext context) => Viewers.Any(context.GetHttpContext().User.IsInRole);
    }
}
