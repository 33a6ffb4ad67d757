using Gangway.Bundles;
using Gangway.Data;
using Gangway.Monitoring.Drift;
using Gangway.PredictionLog;
using Gangway.Scoring;
using Gangway.Specs;
using Gangway.Stores;
using Gangway.Training;

namespace Gangway.Monitoring;

/// <summary>
/// The drift of a model's inputs and outputs against its training reference (<see cref="MonitoringReference.Of"/>),
/// on a file scored as batch scoring scores it or on the predictions the model logged: one use case, called by
/// <c>gangway monitor drift</c> and the service. The columns compared are the model's feature columns that are not
/// personal data (the log hides those, and a report must not show their values), then the prediction and the
/// probability. Both read the data in chunks into a <see cref="TableSketch"/>, so memory does not grow with the rows.
/// </summary>
public static class DriftMonitor
{
    private const int LogChunkSize = 8192;

    /// <summary>
    /// Drift of <paramref name="source"/> (e.g. new.csv, or a unit's file through its parser): every row the contract
    /// and the model accept is scored and compared; rows they reject are left out and counted in <see cref="DriftReport"/>.
    /// </summary>
    /// <exception cref="GangwayException">The file cannot be read (a missing column, an unreadable file).</exception>
    public static DriftReport OfFile(ModelBundle bundle, ITableSource source)
    {
        ArgumentNullException.ThrowIfNull(bundle);
        ArgumentNullException.ThrowIfNull(source);
        var reference = MonitoringReference.Of(bundle);
        var features = MonitoredTable.Features(bundle);
        var current = MonitoredTable.NewSketch(features);
        var masking = PersonalDataMask.Of(bundle.Contract);
        var validation = bundle.InputContract() is { } contract ? new ChunkValidation(new Scoring.ContractCheck(contract), masking) : null;
        var chunks = source.ReadChunks(SpecData.ReadOptions(bundle.Schema, includeTarget: false, InvalidRowPolicy.Skip));
        long rejected = 0;
        foreach (var chunk in Environment.ProcessorCount > 1 ? ReadAhead.Enumerate(chunks, depth: 1) : chunks)
        {
            var refused = new List<RowError>();
            var valid = validation?.Apply(chunk, InvalidRowPolicy.Skip, refused) ?? chunk;
            var (input, scored) = BatchScorer.ScoreChunk(bundle, valid, InvalidRowPolicy.Skip, refused, masking);
            current.Add(MonitoredTable.Of(features, input, scored));
            rejected += chunk.Rejected.Count + refused.Count;
        }

        return Compare(bundle, reference, current, rejected);
    }

    /// <summary>
    /// Drift of the predictions <paramref name="model"/> logged since <paramref name="since"/>: the served records
    /// (shadows left out), or those of one <paramref name="variant"/>, read as the model saw them.
    /// </summary>
    /// <param name="log">The store's prediction log.</param>
    /// <param name="bundle">The model whose reference the records are compared with.</param>
    /// <param name="model">The model name the records carry (the registered name for a registry version).</param>
    /// <param name="since">The earliest prediction time.</param>
    /// <param name="variant">Only this variant's records (a shadow's name gives the shadow's); null for every served record.</param>
    /// <param name="cancellationToken">Stops the read.</param>
    public static async Task<DriftReport> OfLogAsync(
        IPredictionLogStore log, ModelBundle bundle, string model, DateTimeOffset since, string? variant, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(log);
        ArgumentNullException.ThrowIfNull(bundle);
        ArgumentException.ThrowIfNullOrEmpty(model);
        var reference = MonitoringReference.Of(bundle);
        var columns = MonitoredTable.Features(bundle);
        var current = MonitoredTable.NewSketch(columns);
        var chunk = new List<PredictionRecord>(LogChunkSize);
        await foreach (var record in log.ReadAsync(new PredictionQuery(model, since, Variant: variant), cancellationToken).ConfigureAwait(false))
        {
            if (variant is null && record.IsShadow)
            {
                continue;
            }

            chunk.Add(record);
            if (chunk.Count == LogChunkSize)
            {
                current.Add(LoggedInputs.ToTable(chunk, columns));
                chunk.Clear();
            }
        }

        if (chunk.Count > 0)
        {
            current.Add(LoggedInputs.ToTable(chunk, columns));
        }

        return Compare(bundle, reference, current, rejected: 0);
    }

    private static DriftReport Compare(ModelBundle bundle, IColumnDistributions reference, TableSketch current, long rejected) =>
        DriftDetector.Compare(reference, current, OptionsOf(bundle), MonitoredTable.Columns(bundle, reference)) with { RowsLeftOut = rejected };

    /// <summary>The drift options of the model's spec (its <c>monitoring:</c> section), or the defaults.</summary>
    public static DriftOptions OptionsOf(ModelBundle bundle)
    {
        ArgumentNullException.ThrowIfNull(bundle);
        var spec = ModelSpecReader.Parse(bundle.SpecText, $"{bundle.Name} (spec stored in the bundle)", contract: bundle.Contract);
        return spec.Monitoring?.Drift ?? new DriftOptions();
    }
}
