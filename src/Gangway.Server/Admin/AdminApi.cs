using Gangway.Promotion;
using Gangway.Server.Errors;
using Gangway.Server.Hosting;
using Gangway.Server.Serving;
using Gangway.Stores;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;

namespace Gangway.Server.Admin;

/// <summary>
/// <c>POST /admin/reload</c>, <c>/admin/promote</c> and <c>/admin/rollback</c>: change what the service serves without a
/// restart. Mapped only when <see cref="ServerOptions.AdminApiKey"/> is set, and every call needs that key in
/// <c>X-Api-Key</c>. Store changes are audited with the actor <see cref="Actor"/>.
/// </summary>
public static class AdminApi
{
    /// <summary>The actor the store's audit log records for changes made through these endpoints.</summary>
    public const string Actor = "admin-api";

    /// <summary>The path every admin endpoint is under.</summary>
    public const string Prefix = "/admin";

    /// <summary>Maps the admin endpoints; the app must also use <see cref="AdminKeyCheck"/>, which guards them.</summary>
    public static IEndpointRouteBuilder MapAdminApi(this IEndpointRouteBuilder app)
    {
        ArgumentNullException.ThrowIfNull(app);
        var admin = app.MapGroup(Prefix).ProducesProblem(ProblemMap.StatusOf(ErrorKind.Unauthorized));
        admin.MapPost("/reload", ReloadAsync)
            .WithSummary("Resolve the model setting again now and serve what it names, once it has loaded and passed its self-check.");
        admin.MapPost("/promote", PromoteAsync)
            .WithSummary("Point an alias at a version in the store (after the promotion check), then reload.")
            .ProducesProblem(ProblemMap.StatusOf(ErrorKind.InvalidInput))
            .ProducesProblem(ProblemMap.StatusOf(ErrorKind.NotFound))
            .ProducesProblem(ProblemMap.StatusOf(ErrorKind.Conflict));
        admin.MapPost("/rollback", RollbackAsync)
            .WithSummary("Point an alias back at its previous version in the store, then reload.")
            .ProducesProblem(ProblemMap.StatusOf(ErrorKind.InvalidInput))
            .ProducesProblem(ProblemMap.StatusOf(ErrorKind.NotFound));
        return app;
    }

    internal static async Task<Results<Ok<AdminAnswer>, ProblemHttpResult>> ReloadAsync(LoadedModel model, HttpResponse response, CancellationToken cancellationToken)
    {
        if (!model.IsReady)
        {
            return Problems.NotReady();
        }

        var result = await model.RefreshAsync(cancellationToken).ConfigureAwait(false);
        ModelHeader.Set(response, result.Served);
        return result.Error is null
            ? TypedResults.Ok(new AdminAnswer(ServedModel.Of(result.Served), result.Changed, null, null))
            : ProblemMap.Problem(
                ErrorKind.Conflict,
                $"{result.Error} Still serving {result.Served.Bundle.Name} version {result.Served.Version}.",
                "The model was not reloaded.", new Dictionary<string, object?> { ["served"] = ServedModel.Of(result.Served) });
    }

    internal static Task<Results<Ok<AdminAnswer>, ProblemHttpResult>> PromoteAsync(
        PromoteRequest request, LoadedModel model, ModelStores stores, IOptions<ServerOptions> options, GangwayCatalog catalog, HttpResponse response, CancellationToken cancellationToken)
    {
        if ((Invalid(request.Model, request.Alias) ?? InvalidVersion(request.Version) ?? MissingReason(request)) is { } invalid)
        {
            return Task.FromResult<Results<Ok<AdminAnswer>, ProblemHttpResult>>(BadRequest(invalid));
        }

        return ChangeAsync(model, stores, response, async store =>
        {
            // The same gates as 'gangway models promote': the candidate spec's promotion section, on its labelled data.
            PromotionOutcome outcome;
            try
            {
                outcome = await Promoter.PromoteAsync(store, request.Model!, request.Version!.Value, request.Alias!, new PromotionOptions(Actor, request.Reason, request.Force, options.Value.PromotionData, Catalog: catalog), cancellationToken).ConfigureAwait(false);
            }
            catch (GangwayException ex) when (ex.Kind == ErrorKind.CorruptArtifact)
            {
                // Not even forced: every replica following the alias would fail to load it.
                return ProblemMap.Problem(ErrorKind.Conflict, $"Version {request.Model}:{request.Version} cannot be loaded: {ex.Message}", "Promotion refused.");
            }

            if (!outcome.Promoted)
            {
                return ProblemMap.Problem(
                    ErrorKind.Conflict,
                    $"{outcome.Summary(request.Model!, request.Alias!, request.Version.Value)} Send \"force\": true with a \"reason\" to promote anyway (recorded in the audit log).",
                    "Promotion refused.", new Dictionary<string, object?> { ["report"] = outcome.Report?.Describe().Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries) });
            }

            return outcome.Change!;
        }, cancellationToken);
    }

    internal static Task<Results<Ok<AdminAnswer>, ProblemHttpResult>> RollbackAsync(
        RollbackRequest request, LoadedModel model, ModelStores stores, HttpResponse response, CancellationToken cancellationToken)
    {
        if (Invalid(request.Model, request.Alias) is { } invalid)
        {
            return Task.FromResult<Results<Ok<AdminAnswer>, ProblemHttpResult>>(BadRequest(invalid));
        }

        return ChangeAsync(
            model,
            stores,
            response,
            async store => await store.Registry.RollbackAliasAsync(request.Model!, request.Alias!, new Change(Actor, request.Reason), cancellationToken).ConfigureAwait(false),
            cancellationToken);
    }

    // Opens the store, makes the change (or refuses it with a problem), then reloads so the answer says what is served after it.
    private static async Task<Results<Ok<AdminAnswer>, ProblemHttpResult>> ChangeAsync(
        LoadedModel model, ModelStores stores, HttpResponse response, Func<IStore, Task<StoreOutcome>> change, CancellationToken cancellationToken)
    {
        if (!model.IsReady)
        {
            return Problems.NotReady();
        }

        ModelHeader.Set(response, model.Current);

        StoreOutcome outcome;
        try
        {
            var store = await OpenStoreAsync(stores, cancellationToken).ConfigureAwait(false);
            await using (store.ConfigureAwait(false))
            {
                outcome = await change(store).ConfigureAwait(false);
            }
        }
        catch (GangwayException ex)
        {
            return StoreProblem(ex);
        }

        if (outcome.Problem is { } problem)
        {
            return problem;
        }

        var result = await model.RefreshAsync(cancellationToken).ConfigureAwait(false);
        ModelHeader.Set(response, result.Served);
        return TypedResults.Ok(new AdminAnswer(ServedModel.Of(result.Served), result.Changed, result.Error, outcome.Change));
    }

    // A store that cannot be opened is the service's problem, not the request's, whatever the error kind.
    private static async Task<IStore> OpenStoreAsync(ModelStores stores, CancellationToken cancellationToken)
    {
        try
        {
            return await stores.OpenAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (GangwayException ex)
        {
            throw new GangwayException(ErrorKind.InvalidConfiguration, ex.Message, ex);
        }
    }

    private static string? MissingReason(PromoteRequest request) =>
        request.Force && string.IsNullOrWhiteSpace(request.Reason) ? "A forced promotion needs a 'reason' for the audit log." : null;

    private static string? Invalid(string? model, string? alias) =>
        model is null || !ModelReference.IsValidName(model) ? $"'model' must be a model name (letters, digits, _ . -, starting with a letter or digit); it is {Quoted(model)}."
        : alias is null || !ModelReference.IsValidName(alias) ? $"'alias' must be an alias name (letters, digits, _ . -, starting with a letter or digit); it is {Quoted(alias)}."
        : null;

    private static string? InvalidVersion(int? version) =>
        version is null or < 1 ? $"'version' must be a version number (1 or more); it is {(version is { } v ? v.ToString(System.Globalization.CultureInfo.InvariantCulture) : "missing")}." : null;

    private static string Quoted(string? text) => text is null ? "missing" : $"'{text}'";

    private static ProblemHttpResult BadRequest(string detail) =>
        ProblemMap.Problem(ErrorKind.InvalidInput, detail);

    // What the request got wrong is the request's problem; anything else means the store cannot serve it now.
    private static ProblemHttpResult StoreProblem(GangwayException ex) => ex.Kind is ErrorKind.NotFound or ErrorKind.InvalidInput or ErrorKind.Conflict
        ? ProblemMap.Problem(ex)
        : ProblemMap.Problem(ErrorKind.Unavailable, ex.Message, "The store is not available.");

    // The alias change made, or the problem that refused it.
    private readonly record struct StoreOutcome(AliasChange? Change, ProblemHttpResult? Problem)
    {
        public static implicit operator StoreOutcome(AliasChange change) => new(change, null);

        public static implicit operator StoreOutcome(ProblemHttpResult problem) => new(null, problem);
    }
}
