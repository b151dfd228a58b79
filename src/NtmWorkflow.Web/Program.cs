using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;
using NtmWorkflow.Engine.Calendar;
using NtmWorkflow.Engine.Criteria;
using NtmWorkflow.Engine.Definitions;
using NtmWorkflow.Engine.Drafts;
using NtmWorkflow.Engine.Periods;
using NtmWorkflow.Web.Backups;
using NtmWorkflow.Web.Data;
using NtmWorkflow.Web.Domain;
using NtmWorkflow.Web.Features.Admin;
using NtmWorkflow.Web.Features.Auth;
using NtmWorkflow.Web.Features.Councils;
using NtmWorkflow.Web.Features.Criteria;
using NtmWorkflow.Web.Features.Decisions;
using NtmWorkflow.Web.Features.Documents;
using NtmWorkflow.Web.Features.Drafts;
using NtmWorkflow.Web.Features.Dossiers;
using NtmWorkflow.Web.Features.Imports;
using NtmWorkflow.Web.Features.Public;
using NtmWorkflow.Web.Features.Reports;
using NtmWorkflow.Web.Features.Programme;
using NtmWorkflow.Web.Features.Tasks;
using NtmWorkflow.Web.Features.Units;
using NtmWorkflow.Web.Features.Notifications;
using NtmWorkflow.Web.Infrastructure;
using NtmWorkflow.Web.Infrastructure.Telemetry;
using NtmWorkflow.Web.Jobs;
using NtmWorkflow.Web.Notifications;
using NtmWorkflow.Web.Pages;
using NtmWorkflow.Web.Seeding;
using NtmWorkflow.Web.Storage;
using NtmWorkflow.Web.Workflows;

if (args.FirstOrDefault() == WorkflowCheck.Command)
{
    // No host, no database: only the data files are read.
    return WorkflowCheck.Run(args.Skip(1).FirstOrDefault(), Console.Out);
}

const string SeedDemoSwitch = "--seed-demo";
const string VerifyStorageCommand = "verify-storage";
// A backup command's arguments are its own, not settings.
var builder = WebApplication.CreateBuilder(
    BackupCommands.Handles(args) ? [] : args.Where(a => a is not (SeedDemoSwitch or VerifyStorageCommand)).ToArray());
if (args.Contains(SeedDemoSwitch))
{
    builder.Configuration[$"{SeedOptions.Section}:{nameof(SeedOptions.Demo)}"] = "true";
}

var services = builder.Services;
// First of all hosted services: the database must be migrated before Data Protection reads its key ring from it.
services.AddHostedService<StartupTasks>();
services.AddHostedService<MisplacedAccountReport>();
services.Configure<WorkflowOptions>(builder.Configuration.GetSection(WorkflowOptions.Section));
services.Configure<SeedOptions>(builder.Configuration.GetSection(SeedOptions.Section));
services.Configure<StorageOptions>(builder.Configuration.GetSection(StorageOptions.Section));
services.AddSingleton<IDocumentStorage, FileSystemDocumentStorage>();
services.AddScoped<StorageVerifier>();
services.AddScoped<StorageCleanup>();
services.AddSingleton(TimeProvider.System);
services.AddSingleton(sp => CriteriaCatalog.LoadFolder(
    Path.Combine(sp.GetRequiredService<IOptions<WorkflowOptions>>().Value.ResolveFolder(), "criteria")));
services.AddSingleton(sp => DefinitionCatalog.LoadFolder(
    sp.GetRequiredService<IOptions<WorkflowOptions>>().Value.ResolveFolder(), sp.GetRequiredService<CriteriaCatalog>()));
services.AddSingleton(sp => PeriodCatalog.Load(
    sp.GetRequiredService<IOptions<WorkflowOptions>>().Value.ResolveFolder(), sp.GetRequiredService<DefinitionCatalog>(),
    sp.GetRequiredService<CriteriaCatalog>()));
services.AddSingleton(sp => DraftWordingCatalog.Load(
    sp.GetRequiredService<IOptions<WorkflowOptions>>().Value.ResolveFolder(), sp.GetRequiredService<PeriodCatalog>()));
services.AddSingleton(sp => CalendarLoader.LoadFolder(
    Path.Combine(sp.GetRequiredService<IOptions<WorkflowOptions>>().Value.ResolveFolder(), "calendars")));
services.AddSingleton<DefinitionRegistry>();
services.AddSingleton<CriteriaRegistry>();
var database = services.AddAppDatabase(builder.Configuration, builder.Environment.ContentRootPath);
services.AddSingleton(database);
services.Configure<BackupOptions>(builder.Configuration.GetSection(BackupOptions.Section));
services.AddSingleton<BackupWriter>();
services.AddDataProtection().SetApplicationName("NtmWorkflow").PersistKeysToDbContext<AppDbContext>();

// Guessing is braked by SignInLimits (per address, per user name, per pair), not by Identity's account lockout, which
// would let anyone lock any official out.
services.AddIdentityApiEndpoints<AppUser>(options =>
    {
        options.Lockout.AllowedForNewUsers = false;
        options.Password.RequiredLength = 10;
        options.User.RequireUniqueEmail = false;
        options.SignIn.RequireConfirmedAccount = true;
    })
    .AddRoles<IdentityRole>()
    .AddEntityFrameworkStores<AppDbContext>()
    .AddClaimsPrincipalFactory<UnitClaimsFactory>()
    .AddUserConfirmation<ActiveUsers>()
    .AddErrorDescriber<VietnameseIdentityErrors>();
services.ConfigureApplicationCookie(cookie =>
{
    cookie.LoginPath = "/Account/Login";
    cookie.AccessDeniedPath = "/AccessDenied";
    cookie.ExpireTimeSpan = TimeSpan.FromHours(8);
    cookie.SlidingExpiration = true;
    // The API answers 401/403 itself; only pages redirect to sign-in.
    cookie.Events.OnRedirectToLogin = context => ApiAware(context.HttpContext, context.RedirectUri, StatusCodes.Status401Unauthorized);
    cookie.Events.OnRedirectToAccessDenied = context => ApiAware(context.HttpContext, context.RedirectUri, StatusCodes.Status403Forbidden);
});
services.AddSessionValidation();
services.AddAuthorization();
services.AddWebInterface();

services.AddHttpContextAccessor();
services.AddSingleton<UnitPaths>();
services.AddScoped<ICurrentActor, HttpCurrentActor>();
services.AddSingleton<WriteTransactions>();
services.AddScoped<DossierLookup>();
services.AddScoped<DossierSelection>();
services.AddScoped<ProcedureFigures>();
services.AddScoped<DossierMover>();
services.AddScoped<DecisionNumbers>();
services.AddScoped<BatchDesk>();
services.AddSingleton<DraftOffer>();
services.AddScoped<DecisionBatchViews>();
services.AddScoped<PaperIntake>();
services.AddScoped<DossierPapers>();
services.AddScoped<CouncilSessions>();
services.AddScoped<CommuneGroups>();
services.AddScoped<StatusYears>();
services.AddScoped<CriterionStatusLog>();
CommuneGroupFile.Register(services);
services.AddScoped<RecognitionRegister>();
services.AddScoped<ReportReader>();
services.AddScoped<RecognitionImportCheck>();
services.AddScoped<DemoSeeder>();
services.AddScoped<DemoHistory>();
services.AddScoped<DemoProgramme>();
services.AddMediation(typeof(Program).Assembly);
services.AddProblemDetails(options => options.CustomizeProblemDetails = ProblemTitles.Apply);
services.AddExceptionHandler<ProblemExceptionHandler>();
services.Configure<RouteHandlerOptions>(options => options.ThrowOnBadRequest = true);
services.AddApiDocument();
services.AddHealthChecks().AddCheck<DatabaseHealthCheck>("database")
    .AddCheck<BackupHealthCheck>("backups", failureStatus: Microsoft.Extensions.Diagnostics.HealthChecks.HealthStatus.Degraded);
services.AddTelemetry(builder.Configuration);
services.AddOptions<EmailOptions>().BindConfiguration(EmailOptions.Section)
    .Validate(email => !email.Enabled || !string.IsNullOrWhiteSpace(email.From), "Email:From is required once e-mail is configured.")
    .Validate(email => email.ThumbprintIsValid, "Email:AcceptedCertificateThumbprint must be a SHA-256 or SHA-1 fingerprint in hex.")
    .ValidateOnStart();
services.AddSingleton<IEmailSender, SmtpEmailSender>();
services.AddScoped<Notifier>();
services.AddScoped<AdministratorNotice>();
services.AddScheduler(builder.Configuration, database);
services.AddRateLimitAnswers();
PublicCommentLimits.AddPublicCommentLimits(services, builder.Configuration);
SignInLimits.AddSignInLimits(services, builder.Configuration);
services.AddTrustedProxies(builder.Configuration);
builder.WebHost.ConfigureKestrel(kestrel => kestrel.AddServerHeader = false);

var app = builder.Build();
if (args.Contains(VerifyStorageCommand))
{
    return await VerifyStorage.RunAsync(app.Services);
}
if (BackupCommands.Handles(args))
{
    return await BackupCommands.RunAsync(args, app.Services, Console.Out);
}
app.UseSecurityHeaders();
if (!app.Environment.IsDevelopment())
{
    app.UseHsts();
}
app.UseForwardedHeaders();
app.UseExceptionHandler();
app.UseKnownRequestCharsets();
app.UseWhen(context => context.Request.Path.StartsWithSegments("/api"), api => api.UseStatusCodePages());
app.UseWhen(context => !context.Request.Path.StartsWithSegments("/api"),
    pages => pages.UseStatusCodePagesWithReExecute("/Status", "?code={0}"));
// Routing after the status pages, so that a re-executed request finds its page.
app.UseRouting();
app.UseRequestLocalization();
app.UseStaticFiles();
app.UseOneConnectionPerRequest();
app.UseAuthentication();
app.UseAuthorization();
app.UseRateLimiter();
app.MapRazorPages();
app.MapJobsDashboard();

app.MapApiDocument();
app.MapHealthChecks("/health", DatabaseHealthCheck.Answer);
app.MapTelemetry(builder.Configuration);
Login.Map(app);
// The API answers bearer tokens only: a browser's sign-in cookie must not let another site post to it.
var api = app.MapGroup("").RequireAuthorization(new AuthorizeAttribute { AuthenticationSchemes = IdentityConstants.BearerScheme });
CreateDossier.Map(api);
GetDossier.Map(api);
ListDossiers.Map(api);
PerformAction.Map(api);
CorrectDecision.Map(api);
ListBatchCandidates.Map(api);
SignDecisionBatch.Map(api);
GetDecisionBatch.Map(api);
ListDecisionBatches.Map(api);
GetTimeline.Map(api);
ListTasks.Map(api);
GetCriteria.Map(api);
GetCriterionHistory.Map(api);
AssessCriterion.Map(api);
ReviewCriterion.Map(api);
UpdateConditions.Map(api);
UploadDocument.Map(api);
ListDocuments.Map(api);
DownloadDocument.Map(api, app);
var pages = app.MapGroup("").RequireAuthorization(WebInterface.SignedIn);
DownloadDocument.MapForPages(pages);
ExportDossiers.Map(api, pages);
DraftDossierPaper.Map(api, pages);
DraftBatchDecision.Map(api, pages);
VerifyStorage.Map(api);
ListUsers.Map(api);
CreateUser.Map(api);
ManageUser.Map(api);
ReassignUser.Map(api);
ManageUnits.Map(api);
ListCommuneGroups.Map(api);
AssignCommuneGroup.Map(api);
ReorganiseUnits.Map(api);
GetUnit.Map(api);
ListNotifications.Map(api);
MarkNotificationsRead.Map(api);
NotificationSettings.Map(api);
DownloadImportTemplate.Map(api);
UploadRecognitionImport.Map(api);
ListRecognitionImports.Map(api);
GetRecognitionImport.Map(api);
ConfirmRecognitionImport.Map(api);
ListDecisions.Map(app);
GetPublicDecisionBatch.Map(app);
OpenForComment.Map(app);
SubmitPublicComment.Map(app);
ListPublicComments.Map(api);
OpenCouncilSession.Map(api);
ListCouncilSessions.Map(api);
ListCouncilCandidates.Map(api);
GetCouncilSession.Map(api);
EditCouncilSession.Map(api);
AddCouncilDossiers.Map(api);
RemoveCouncilDossier.Map(api);
RecordAttendance.Map(api);
RecordCouncilVote.Map(api);
UploadCouncilMinutes.Map(api);
ConcludeCouncilSession.Map(api);
GetDossierCouncil.Map(api);
GetProcedureReport.Map(api);
ExportProcedureTable.Map(api);
GetCriteriaStatus.Map(api);
ListCriteriaStatusHistory.Map(api);
RecordCriterionStatus.Map(api);
ConfirmCriteriaStatus.Map(api);
ListPlans.Map(api);
GetPlan.Map(api);
CreatePlan.Map(api);
ConfirmPlan.Map(api);
WithdrawPlan.Map(api);
GetProgrammeReport.Map(api);
ListReportCommunes.Map(api);
ExportReportTable.Map(api);
ExportReportTable.MapForPages(app.MapGroup("").RequireAuthorization(WebInterface.SignedIn));

await app.RunAsync();
return 0;

static Task ApiAware(HttpContext context, string redirectUri, int status)
{
    if (context.Request.Path.StartsWithSegments("/api"))
    {
        context.Response.StatusCode = status;
    }
    else
    {
        context.Response.Redirect(redirectUri);
    }
    return Task.CompletedTask;
}

/// <summary>Visible to WebApplicationFactory in the integration tests.</summary>
public partial class Program;
