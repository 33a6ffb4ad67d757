using System.Globalization;
using Gangway.Bundles;
using Gangway.Registry;
using Gangway.Specs;
using Gangway.Stores;

namespace Gangway.Promotion;

/// <summary>
/// Promotes a registered version to an alias: evaluates the promotion gates of the candidate's spec against the alias's
/// current version on the same labelled data, and moves the alias only when every gate passes, or when forced with a
/// reason (the audit log then records that it was forced and which gates failed). Used by <c>gangway models promote</c>
/// and the service's admin endpoint alike.
/// </summary>
public static class Promoter
{
    /// <summary>Evaluates the gates and, when they pass (or <see cref="PromotionOptions.Force"/>), moves the alias.</summary>
    /// <exception cref="GangwayException">
    /// The model or version does not exist (<see cref="ErrorKind.NotFound"/>); the alias already points at the version
    /// (<see cref="ErrorKind.Conflict"/>); <see cref="PromotionOptions.Force"/> lacks a reason
    /// (<see cref="ErrorKind.InvalidConfiguration"/>); the gate data cannot be read.
    /// </exception>
    public static async Task<PromotionOutcome> PromoteAsync(IStore store, string model, int version, string aliasName, PromotionOptions options, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(store);
        ArgumentNullException.ThrowIfNull(options);
        if (options.Force && string.IsNullOrWhiteSpace(options.Reason))
        {
            throw new GangwayException(ErrorKind.InvalidConfiguration, "A forced promotion needs a reason for the audit log (--reason \"...\").");
        }

        var candidateVersion = await RegistryBundles.FindVersionAsync(store.Registry, new ModelReference(model, null, version), cancellationToken);
        var currentNumber = await store.Registry.ResolveAliasAsync(model, aliasName, cancellationToken);
        if (currentNumber == version)
        {
            throw new GangwayException(ErrorKind.Conflict, $"{model}@{aliasName} already points at version {version}.");
        }

        var report = await EvaluateAsync(store, candidateVersion, currentNumber, options, cancellationToken);
        if (report is { Passed: false } && !options.Force)
        {
            return new PromotionOutcome(false, report, null);
        }

        var notes = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["gates"] = report is null ? "none declared" : report.Passed ? "passed" : "failed",
            ["forced"] = options.Force ? "true" : "false",
        };
        if (report is { Passed: false })
        {
            notes["failed_gates"] = string.Join("; ", report.Failures.Select(f => f.Subject));
        }

        if (report is not null)
        {
            // The whole report, intervals and tests included, so the audit log says on what evidence the alias moved.
            notes["gate_report"] = report.Describe().TrimEnd('\n');
        }

        var change = await store.Registry.SetAliasAsync(model, aliasName, version, new Change(options.Actor, options.Reason, notes), cancellationToken);
        return new PromotionOutcome(true, report, change);
    }

    private static async Task<GateReport?> EvaluateAsync(IStore store, ModelVersionRecord candidateVersion, int? currentNumber, PromotionOptions options, CancellationToken cancellationToken)
    {
        var candidate = BundleReader.Read(await RegistryBundles.MaterializeAsync(store.Registry, candidateVersion, options.CacheDirectory, cancellationToken), options.Catalog);
        var specDirectory = await SpecDirectoryAsync(store.Runs, candidateVersion, cancellationToken);
        var spec = ModelSpecReader.Parse(candidate.SpecText, $"the spec of {candidateVersion.Reference}", specDirectory, candidate.Contract);
        if (spec.Promotion is not { } gates)
        {
            return null;
        }

        var current = currentNumber is { } number
            ? BundleReader.Read(await RegistryBundles.MaterializeAsync(
                store.Registry,
                await RegistryBundles.FindVersionAsync(store.Registry, new ModelReference(candidateVersion.Model, null, number), cancellationToken),
                options.CacheDirectory,
                cancellationToken),
                options.Catalog)
            : null;
        var dataGates = options.DataPath is { } path ? gates with { Data = Path.GetFullPath(path) } : gates;
        var data = PromotionData.Read(dataGates, specDirectory, candidate, current, warnings: options.Warnings);
        return PromotionGates.Evaluate(candidate, current, data, gates, specDirectory, options.DataPath is { } given ? Path.GetDirectoryName(Path.GetFullPath(given)) : null);
    }

    // promotion.data is relative to the spec file the version was trained from, which its run recorded.
    private static async Task<string> SpecDirectoryAsync(IRunStore runs, ModelVersionRecord version, CancellationToken cancellationToken) =>
        (await runs.FindRunAsync(version.RunId, cancellationToken))?.Params.GetValueOrDefault("spec") is { Length: > 0 } spec && Path.GetDirectoryName(spec) is { Length: > 0 } directory
            ? directory
            : Directory.GetCurrentDirectory();
}

/// <summary>How to promote.</summary>
/// <param name="Actor">Who promotes, for the audit log.</param>
/// <param name="Reason">Why; required with <paramref name="Force"/>.</param>
/// <param name="Force">Move the alias even when gates fail.</param>
/// <param name="DataPath">Labelled data to evaluate the gates on instead of the spec's <c>promotion.data</c>, or null.</param>
/// <param name="CacheDirectory">Where registry bundles are cached, or null for <see cref="RegistryBundles.DefaultCacheDirectory"/>.</param>
/// <param name="Warnings">Where data-contract warnings go, or null.</param>
/// <param name="Catalog">The host's catalog, to load versions whose models use its custom steps; null for <see cref="GangwayCatalog.BuiltIn"/>.</param>
public sealed record PromotionOptions(
    string Actor,
    string? Reason = null,
    bool Force = false,
    string? DataPath = null,
    string? CacheDirectory = null,
    IProgress<string>? Warnings = null,
    GangwayCatalog? Catalog = null);

/// <summary>What a promotion did.</summary>
/// <param name="Promoted">Whether the alias moved.</param>
/// <param name="Report">The gate report, or null when the spec declares no gates.</param>
/// <param name="Change">The alias change when promoted, else null.</param>
public sealed record PromotionOutcome(bool Promoted, GateReport? Report, AliasChange? Change)
{
    /// <summary>One line saying what happened, e.g. <c>titanic@champion → version 3 (was 2); gates passed</c>.</summary>
    public string Summary(string model, string aliasName, int version) => Change is { } change
        ? $"{model}@{aliasName} → version {change.Version} (was {(change.PreviousVersion is { } previous ? previous.ToString(CultureInfo.InvariantCulture) : "unset")}); gates {(Report is null ? "none declared" : Report.Passed ? "passed" : "FAILED, forced")}."
        : $"Refused: {model}:{version} did not pass the promotion gates for {model}@{aliasName}; nothing changed.";
}
