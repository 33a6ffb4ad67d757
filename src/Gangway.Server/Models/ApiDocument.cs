using System.Text.Json;
using System.Text.Json.Nodes;
using Gangway.Bundles;
using Gangway.Learners;
using Gangway.Server.Serving;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace Gangway.Server.Models;

/// <summary>
/// The OpenAPI document (<c>/openapi/v1.json</c>): titled Gangway, and describing <c>/predict</c> and <c>/upsell</c>
/// with the served model's own record and answer schemas (<see cref="ContractSchemas"/>) and every status they answer.
/// The document is built on each request from the model served then, so it follows a hot-swapped model.
/// </summary>
internal static class ApiDocument
{
    public const string Title = "Gangway";

    private static readonly Dictionary<string, string> Statuses = new(StringComparer.Ordinal)
    {
        ["400"] = "The body is empty, not valid JSON or CSV, or of another shape; or a query parameter is invalid. An RFC 9457 problem.",
        ["404"] = "The model has no upsell section. An RFC 9457 problem.",
        ["413"] = "The body is larger than the service's MaxBodyBytes. An RFC 9457 problem.",
        ["415"] = "The content type is neither JSON (application/json or any +json type) nor text/csv. An RFC 9457 problem.",
        ["422"] = "Records break the model's contract; nothing was scored. An RFC 9457 problem with an 'errors' list: record, field, rule, value, message.",
        ["503"] = "The model is still loading. An RFC 9457 problem.",
    };

    /// <summary>Registers the document and its transformers.</summary>
    public static IServiceCollection AddApiDocument(this IServiceCollection services) => services.AddOpenApi(options =>
        options.AddDocumentTransformer((document, context, _) =>
        {
            var model = context.ApplicationServices.GetRequiredService<LoadedModel>();
            document.Info = new OpenApiInfo
            {
                Title = Title,
                Version = GangwayVersion.Current,
                Description = model.IsReady
                    ? $"The Gangway prediction service, serving {Describe(model.Current)}. See docs/service.md."
                    : "The Gangway prediction service. See docs/service.md.",
            };
            return Task.CompletedTask;
        }));

    /// <summary>Describes <c>POST /predict</c> with the served model's record and answer.</summary>
    public static Task DescribePredict(OpenApiOperation operation, OpenApiOperationTransformerContext context, CancellationToken cancellationToken)
    {
        if (Served(context) is { } served)
        {
            DescribeBody(operation, served);
            var example = ContractSchemas.PredictExample(served);
            var numeric = example["predictions"] is JsonArray { Count: > 0 } predictions && predictions[0]?[PredictionColumns.Prediction]?.GetValueKind() == JsonValueKind.Number;
            var answer = Answer("One prediction per record, in request order.", ContractSchemas.PredictAnswer(served, numeric));
            answer.Content!["application/json"].Example = example;
            operation.Responses!["200"] = answer;
        }

        DescribeStatuses(operation);
        return Task.CompletedTask;
    }

    /// <summary>Describes <c>POST /upsell</c> with the served model's record and answer.</summary>
    public static Task DescribeUpsell(OpenApiOperation operation, OpenApiOperationTransformerContext context, CancellationToken cancellationToken)
    {
        if (Served(context) is { } served)
        {
            DescribeBody(operation, served);
            operation.Responses!["200"] = Answer("One result per record, in request order.", ContractSchemas.UpsellAnswer(served));
        }

        DescribeStatuses(operation);
        return Task.CompletedTask;
    }

    private static Served? Served(OpenApiOperationTransformerContext context) =>
        context.ApplicationServices.GetRequiredService<LoadedModel>() is { IsReady: true } model ? model.Current : null;

    private static string Describe(Served served) =>
        $"model '{served.Bundle.Name}' {(served.Registered is { } registered ? $"version {registered} (bundle {served.Version})" : $"from a bundle file (bundle {served.Version}, not registered)")}";

    private static void DescribeBody(OpenApiOperation operation, Served served)
    {
        var record = ContractSchemas.Record(served);
        operation.RequestBody = new OpenApiRequestBody
        {
            Required = true,
            Description = $"Records for {Describe(served)}: a JSON array of records or one record object (a pandas DataFrame.to_json() body in orient 'columns', 'split' or 'records' also works), or text/csv with a header row.",
            Content = new Dictionary<string, OpenApiMediaType>(StringComparer.Ordinal)
            {
                ["application/json"] = new()
                {
                    Schema = new OpenApiSchema { OneOf = [new OpenApiSchema { Type = JsonSchemaType.Array, Items = record }, record] },
                    Example = ContractSchemas.Examples(served),
                },
                ["text/csv"] = new()
                {
                    Schema = new OpenApiSchema { Type = JsonSchemaType.String, Description = "RFC 4180 CSV with a header row naming the fields." },
                    Example = JsonValue.Create(ContractSchemas.ExampleCsv(served)),
                },
            },
        };
    }

    private static OpenApiResponse Answer(string description, OpenApiSchema schema) => new()
    {
        Description = description,
        Content = new Dictionary<string, OpenApiMediaType>(StringComparer.Ordinal) { ["application/json"] = new() { Schema = schema } },
        Headers = new Dictionary<string, IOpenApiHeader>(StringComparer.Ordinal)
        {
            [ModelHeader.Name] = new OpenApiHeader
            {
                Description = "The model that answered: its registered version and bundle hash (titanic:3; bundle=ad7324b271dd), or its name and bundle hash for a bundle file (titanic; bundle=ad7324b271dd); with a deployment followed by the variant (titanic:2; bundle=5f1e0c9a2b7d (challenger)).",
                Schema = new OpenApiSchema { Type = JsonSchemaType.String },
            },
        },
    };

    private static void DescribeStatuses(OpenApiOperation operation)
    {
        foreach (var (status, response) in operation.Responses ?? [])
        {
            if (response is OpenApiResponse described && Statuses.TryGetValue(status, out var description))
            {
                described.Description = description;
            }
        }
    }
}
