using System.Reflection;
using System.Runtime.CompilerServices;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.ApiExplorer;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.OpenApi;
using Scalar.AspNetCore;

namespace NtmWorkflow.Web.Infrastructure;

/// <summary>One part of a multipart form that an endpoint reads from the request stream itself.</summary>
public sealed record FormField(string Name, string Description, bool Required = true, bool IsFile = false);

/// <summary>
/// Endpoint metadata for the upload endpoints: they stream the request instead of binding a form, so the document
/// learns their body from here.
/// </summary>
public sealed class MultipartForm(params FormField[] fields)
{
    public IReadOnlyList<FormField> Fields { get; } = fields;
}

/// <summary>
/// The OpenAPI document other systems integrate against (/openapi/v1.json) and its reference page (/api/docs). CI lints
/// the document and compiles a client generated from it, so what is written here is a contract.
/// </summary>
internal static class ApiDocument
{
    public const string DocsPath = "/api/docs";
    private const string BearerScheme = "Bearer";
    private const string ProblemSchema = "ProblemDetails";
    private const string ProblemContentType = "application/problem+json";

    public static IServiceCollection AddApiDocument(this IServiceCollection services)
    {
        // The contract says integers: without this, System.Text.Json's web default (numbers accepted from strings) makes
        // every integer `[integer, string]` in the schema, and a generated client types each as number | string.
        services.ConfigureHttpJsonOptions(json => json.SerializerOptions.NumberHandling = JsonNumberHandling.Strict);
        return services.AddOpenApi(options =>
        {
            options.CreateSchemaReferenceId = SchemaName;
            options.AddDocumentTransformer(DescribeDocument);
            options.AddOperationTransformer(DescribeOperation);
            options.AddSchemaTransformer(OptionalNullableRequestMembers);
            options.AddSchemaTransformer(AnyValuedDictionaries);
        });
    }

    public static void MapApiDocument(this WebApplication app)
    {
        app.MapOpenApi();
        // Served from the package's embedded bundle; nothing is fetched from outside (no CDN, fonts, telemetry or AI agent).
        app.MapScalarApiReference(DocsPath, options => options
            .WithTitle("NtmWorkflow API")
            .DisableDefaultFonts()
            .DisableTelemetry()
            .DisableAgent()
            .DisableMcp()
            .WithNonce());
    }

    /// <summary>
    /// The nonce Scalar put on this answer's script tags, for the Content-Security-Policy; null on every other answer.
    /// </summary>
    public static string? DocsNonce(HttpContext context) =>
        context.Request.Path.StartsWithSegments(DocsPath) ? context.Items[ScalarOptions.NonceHttpContextItemKey] as string : null;

    /// <summary>
    /// The slices name their request types Body or Command inside the use case's class; the document names them after
    /// it (CreateDossierCommand, LoginBody) so that no two requests share a schema. The JSON stays as it is.
    /// </summary>
    private static string? SchemaName(JsonTypeInfo type)
    {
        var name = OpenApiOptions.CreateDefaultSchemaReferenceId(type);
        return name is not null && type.Type.DeclaringType is { } outer && !outer.IsDefined(typeof(CompilerGeneratedAttribute))
            ? outer.Name + name
            : name;
    }

    /// <summary>
    /// A request member that may be null may also be left out (System.Text.Json passes null for a missing constructor
    /// parameter), so a client need not send "vote": null with every approval. Answers keep them required: they are
    /// always written, null or not.
    /// </summary>
    private static Task OptionalNullableRequestMembers(OpenApiSchema schema, OpenApiSchemaTransformerContext context, CancellationToken cancellationToken)
    {
        if (context.ParameterDescription is not null && schema.Required is { Count: > 0 } required)
        {
            foreach (var member in context.JsonTypeInfo.Properties.Where(p => p.AssociatedParameter?.IsNullable ?? p.IsSetNullable))
            {
                required.Remove(member.Name);
            }
        }
        return Task.CompletedTask;
    }

    /// <summary>
    /// A dictionary of free JSON values (a criterion's indicator values) gets no additionalProperties from the generator,
    /// which a client generator reads as "no members allowed".
    /// </summary>
    private static Task AnyValuedDictionaries(OpenApiSchema schema, OpenApiSchemaTransformerContext context, CancellationToken cancellationToken)
    {
        if (context.JsonTypeInfo.Kind == JsonTypeInfoKind.Dictionary && schema.AdditionalProperties is null)
        {
            schema.AdditionalProperties = new OpenApiSchema();
        }
        return Task.CompletedTask;
    }

    private static Task DescribeDocument(OpenApiDocument document, OpenApiDocumentTransformerContext context, CancellationToken cancellationToken)
    {
        document.Info = new OpenApiInfo
        {
            Title = "NtmWorkflow API",
            Version = "v1",
            Description = "Hồ sơ xét công nhận nông thôn mới: lập hồ sơ, thao tác quy trình, tiêu chí, tài liệu, quyết định. "
                + "Đăng nhập bằng POST /api/auth/login rồi gửi accessToken trong header Authorization: Bearer. "
                + "Mọi lỗi là ProblemDetails (RFC 9457) với title và detail bằng tiếng Việt.",
            License = new OpenApiLicense { Name = "Proprietary", Identifier = "LicenseRef-Proprietary" },
        };
        foreach (var server in document.Servers ?? [])
        {
            // The server is the address the document was asked on; its trailing slash would double every path's.
            server.Url = server.Url?.TrimEnd('/');
        }
        document.Tags = Tags.Select(tag => new OpenApiTag { Name = tag.Key, Description = tag.Value }).ToHashSet();
        document.Components ??= new OpenApiComponents();
        document.Components.SecuritySchemes ??= new Dictionary<string, IOpenApiSecurityScheme>();
        document.Components.SecuritySchemes[BearerScheme] = new OpenApiSecurityScheme
        {
            Type = SecuritySchemeType.Http,
            Scheme = "bearer",
            Description = "accessToken from POST /api/auth/login or /api/auth/refresh (an opaque ASP.NET Core Identity token, not a JWT).",
        };
        document.Components.Schemas ??= new Dictionary<string, IOpenApiSchema>();
        document.Components.Schemas[ProblemSchema] = Problem(document);
        return Task.CompletedTask;
    }

    private static readonly Dictionary<string, string> Tags = new()
    {
        ["Auth"] = "Đăng nhập và làm mới token (bearer).",
        ["Public"] = "Trang công khai: quyết định công nhận, hồ sơ lấy ý kiến nhân dân; không cần đăng nhập.",
        ["Dossiers"] = "Hồ sơ đề nghị xét công nhận: lập, tra cứu, thao tác quy trình, lịch sử.",
        ["Decisions"] = "Quyết định công nhận: quyết định chung của tỉnh, đính chính.",
        ["Tasks"] = "Việc đang chờ người gọi xử lý.",
        ["Criteria"] = "Tự đánh giá và thẩm định từng tiêu chí của hồ sơ.",
        ["Documents"] = "Tài liệu của hồ sơ: tải lên, danh sách, tải về.",
        ["Drafts"] = "Bản thảo DOCX: tờ trình, báo cáo thẩm định, quyết định.",
        ["Admin"] = "Quản trị người dùng, đơn vị hành chính và kho tài liệu.",
        ["Units"] = "Đơn vị hành chính: hồ sơ, nhóm xã, sắp xếp lại đơn vị.",
        ["Notifications"] = "Thông báo của người gọi và cách nhận qua thư.",
        ["Imports"] = "Nhập sổ công nhận trước đây từ bảng tính.",
        ["Councils"] = "Phiên họp hội đồng thẩm định: thành phần, biểu quyết, biên bản.",
        ["Reports"] = "Báo cáo thủ tục và chương trình, bảng xuất XLSX.",
        ["Programme"] = "Kế hoạch năm và hiện trạng tiêu chí của xã.",
    };

    private static Task DescribeOperation(OpenApiOperation operation, OpenApiOperationTransformerContext context, CancellationToken cancellationToken)
    {
        var description = context.Description;
        var metadata = description.ActionDescriptor.EndpointMetadata;
        operation.OperationId ??= SliceName(metadata);
        var form = metadata.OfType<MultipartForm>().FirstOrDefault();
        if (form is not null)
        {
            operation.RequestBody = FormBody(form);
        }
        var secured = metadata.OfType<IAuthorizeData>().Any() && !metadata.OfType<IAllowAnonymous>().Any();
        // An empty requirement says "no authentication" outright, so a client generator does not have to guess.
        operation.Security = [secured
            ? new OpenApiSecurityRequirement { [new OpenApiSecuritySchemeReference(BearerScheme, context.Document)] = [] }
            : new OpenApiSecurityRequirement()];
        operation.Responses ??= new OpenApiResponses();
        foreach (var status in Refusals(description, operation, secured, form is not null, metadata))
        {
            operation.Responses.TryAdd(status.ToString(), new OpenApiResponse());
        }
        if (metadata.OfType<ReturnPreference.Honoured>().Any())
        {
            DescribeMinimalAnswer(operation);
        }
        foreach (var (status, response) in operation.Responses.Where(r => r.Key.StartsWith('4')).ToList())
        {
            operation.Responses[status] = new OpenApiResponse
            {
                Description = ReasonPhrases.GetReasonPhrase(int.Parse(status)),
                Content = new Dictionary<string, OpenApiMediaType>
                {
                    [ProblemContentType] = new() { Schema = new OpenApiSchemaReference(ProblemSchema, context.Document) },
                },
            };
        }
        return Task.CompletedTask;
    }

    private static void DescribeMinimalAnswer(OpenApiOperation operation)
    {
        operation.Parameters ??= [];
        operation.Parameters.Add(new OpenApiParameter
        {
            Name = "Prefer",
            In = ParameterLocation.Header,
            Description = "`return=minimal`: trả lời 204 kèm phiên bản mới của hồ sơ (header Dossier-Version) thay cho toàn bộ hồ sơ.",
            Schema = new OpenApiSchema { Type = JsonSchemaType.String },
        });
        operation.Responses!["204"] = new OpenApiResponse
        {
            Description = "Đã ghi; theo Prefer: return=minimal, chỉ trả phiên bản mới của hồ sơ.",
            Headers = new Dictionary<string, IOpenApiHeader>
            {
                [ReturnPreference.VersionHeader] = new OpenApiHeader
                {
                    Description = "Phiên bản mới của hồ sơ (expectedVersion của lần ghi sau).",
                    Required = true,
                    Schema = new OpenApiSchema { Type = JsonSchemaType.Integer, Format = "int32" },
                },
                ["Preference-Applied"] = new OpenApiHeader { Schema = new OpenApiSchema { Type = JsonSchemaType.String } },
            },
        };
    }

    /// <summary>The refusals an endpoint can answer, from what it takes and how it is guarded.</summary>
    private static SortedSet<int> Refusals(ApiDescription description, OpenApiOperation operation, bool secured, bool multipart,
        IList<object> metadata)
    {
        var statuses = new SortedSet<int>();
        var writes = !HttpMethods.IsGet(description.HttpMethod ?? "");
        if (description.ParameterDescriptions.Count > 0 || operation.RequestBody is not null)
        {
            statuses.Add(StatusCodes.Status400BadRequest);
        }
        if (secured)
        {
            statuses.Add(StatusCodes.Status401Unauthorized);
            statuses.Add(StatusCodes.Status403Forbidden);
        }
        if (description.RelativePath?.Contains('{') == true)
        {
            statuses.Add(StatusCodes.Status404NotFound);
        }
        if (secured && writes)
        {
            // A stale expectedVersion, or a state in which the action is not possible.
            statuses.Add(StatusCodes.Status409Conflict);
        }
        if (multipart)
        {
            statuses.Add(StatusCodes.Status413PayloadTooLarge);
        }
        if (operation.RequestBody is not null)
        {
            statuses.Add(StatusCodes.Status415UnsupportedMediaType);
        }
        if (metadata.OfType<EnableRateLimitingAttribute>().Any())
        {
            statuses.Add(StatusCodes.Status429TooManyRequests);
        }
        return statuses;
    }

    /// <summary>A slice's class names its use case (CreateDossier); a slice that maps several endpoints names each with WithName.</summary>
    private static string? SliceName(IList<object> metadata)
    {
        var type = metadata.OfType<MethodInfo>().FirstOrDefault()?.DeclaringType;
        while (type is not null && type.IsDefined(typeof(CompilerGeneratedAttribute)))
        {
            type = type.DeclaringType;
        }
        return type?.Name;
    }

    private static OpenApiRequestBody FormBody(MultipartForm form) => new()
    {
        Required = true,
        Content = new Dictionary<string, OpenApiMediaType>
        {
            ["multipart/form-data"] = new()
            {
                Schema = new OpenApiSchema
                {
                    Type = JsonSchemaType.Object,
                    Required = form.Fields.Where(f => f.Required).Select(f => f.Name).ToHashSet(),
                    Properties = form.Fields.ToDictionary(f => f.Name, f => (IOpenApiSchema)new OpenApiSchema
                    {
                        Type = JsonSchemaType.String,
                        Format = f.IsFile ? "binary" : null,
                        Description = f.Description,
                    }),
                },
            },
        },
    };

    /// <summary>What <see cref="ProblemExceptionHandler"/> writes, with the members a client can act on.</summary>
    private static OpenApiSchema Problem(OpenApiDocument document) => new()
    {
        Type = JsonSchemaType.Object,
        Description = "RFC 9457 ProblemDetails. title and detail are Vietnamese; the other members name what to fix.",
        Required = new HashSet<string> { "status", "title" },
        Properties = new Dictionary<string, IOpenApiSchema>
        {
            ["type"] = Text("A URI naming the kind of problem."),
            ["title"] = Text("Short Vietnamese title of the status."),
            ["status"] = Integer("The HTTP status code."),
            ["detail"] = Text("What went wrong and what to do, in Vietnamese."),
            ["instance"] = Text("The request path."),
            ["traceId"] = Text("Correlates the answer with the server's log."),
            ["field"] = Text("The request member to correct (camelCase, e.g. 'decision.number')."),
            ["errors"] = new OpenApiSchema
            {
                Type = JsonSchemaType.Object,
                Description = "Validation failures (400): each request member with its messages.",
                AdditionalProperties = new OpenApiSchema { Type = JsonSchemaType.Array, Items = Text(null) },
            },
            ["blockingCriteria"] = ArrayOf("The criteria not yet met that block the action (409).", [],
                ("number", Integer(null)), ("name", Text(null))),
            ["dossiers"] = ArrayOf("The dossiers that stop a council session or a batch decision step (409); each with problem or reason.",
                ["problem", "reason"],
                ("id", new OpenApiSchema { Type = JsonSchemaType.String, Format = "uuid" }),
                ("unitName", new OpenApiSchema { Type = JsonSchemaType.String | JsonSchemaType.Null }),
                ("problem", Text(null)), ("reason", Text(null))),
            ["usedBy"] = ArrayOf("The decisions already holding this decision number in its year (409).", [],
                ("unitName", Text(null)), ("level", Text(null)), ("date", new OpenApiSchema { Type = JsonSchemaType.String, Format = "date" })),
            ["successorCode"] = Text("The unit that took over a merged or dissolved unit."),
            ["unitCode"] = Text("The unit the refusal is about."),
            ["report"] = new OpenApiSchemaReference("ImportReport", document),
        },
    };

    private static OpenApiSchema Text(string? description) => new() { Type = JsonSchemaType.String, Description = description };

    private static OpenApiSchema Integer(string? description) =>
        new() { Type = JsonSchemaType.Integer, Format = "int32", Description = description };

    /// <summary>An array of objects whose members are always written, except those named <paramref name="optional"/>.</summary>
    private static OpenApiSchema ArrayOf(string description, string[] optional, params (string Name, IOpenApiSchema Schema)[] members) => new()
    {
        Type = JsonSchemaType.Array,
        Description = description,
        Items = new OpenApiSchema
        {
            Type = JsonSchemaType.Object,
            Required = members.Select(m => m.Name).Except(optional).ToHashSet(),
            Properties = members.ToDictionary(m => m.Name, m => m.Schema),
        },
    };
}
