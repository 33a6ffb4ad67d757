using System.Globalization;

namespace Gangway.Monitoring.Drift;

/// <summary>How drift is decided (the spec's <c>monitoring.drift</c> section). Immutable.</summary>
public sealed record DriftOptions
{
    /// <summary>The default <see cref="Share"/>: half the columns, as Evidently.</summary>
    public const double DefaultShare = 0.5;

    /// <summary>The dataset has drifted when at least this share of the compared columns drifted; in (0, 1], default 0.5.</summary>
    public double Share { get; init; } = DefaultShare;

    /// <summary>Forced tests and thresholds by column name; a column not listed follows <see cref="DriftMethodRule"/>.</summary>
    public IReadOnlyDictionary<string, ColumnDriftOptions> Columns { get; init; } = new Dictionary<string, ColumnDriftOptions>(StringComparer.Ordinal);

    /// <summary>Checks the share, the tests' names and the thresholds.</summary>
    /// <exception cref="GangwayException">A value is out of range or a test is unknown (InvalidConfiguration).</exception>
    public void Validate()
    {
        if (!(Share > 0 && Share <= 1))
        {
            throw new GangwayException(ErrorKind.InvalidConfiguration, $"The drift share must be in (0, 1]; it is {Share.ToString(CultureInfo.InvariantCulture)}.");
        }

        foreach (var (column, options) in Columns)
        {
            if (options.Method is { } method)
            {
                DriftTestCatalog.Get(method);
            }

            if (options.Threshold is { } threshold && !(double.IsFinite(threshold) && threshold > 0))
            {
                throw new GangwayException(ErrorKind.InvalidConfiguration,
                    $"The drift threshold of column '{column}' must be finite and greater than 0; it is {threshold.ToString(CultureInfo.InvariantCulture)}.");
            }
        }
    }
}
