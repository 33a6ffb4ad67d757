using Gangway.Data;
using Gangway.Pipelines;

namespace Gangway.Features;

/// <summary>
/// Fits each part's estimator on only that part's columns and concatenates the parts' outputs, followed by the columns
/// no part uses (<see cref="RemainderPolicy.Passthrough"/>) or nothing else (<see cref="RemainderPolicy.Drop"/>):
/// like scikit-learn's ColumnTransformer. It is itself an estimator, so it can sit in a <see cref="PipelineEstimator"/>.
/// </summary>
public sealed class ColumnTransformerEstimator : IEstimator<ColumnTransformerTransformer>
{
    /// <summary>Creates the step.</summary>
    /// <param name="parts">The parts, in output order; at least one, with distinct non-blank names and non-empty column lists.</param>
    /// <param name="remainder">What to do with unused columns; default <see cref="RemainderPolicy.Passthrough"/>.</param>
    /// <exception cref="GangwayException">No parts, a blank or repeated part name, or a bad column list.</exception>
    public ColumnTransformerEstimator(IEnumerable<ColumnTransformerPart> parts, RemainderPolicy remainder = RemainderPolicy.Passthrough)
    {
        ArgumentNullException.ThrowIfNull(parts);
        if (!Enum.IsDefined(remainder))
        {
            throw new ArgumentOutOfRangeException(nameof(remainder), remainder, "Unknown remainder policy.");
        }

        var list = new List<ColumnTransformerPart>();
        foreach (var part in parts)
        {
            ArgumentNullException.ThrowIfNull(part);
            ArgumentNullException.ThrowIfNull(part.Estimator);
            if (string.IsNullOrWhiteSpace(part.Name))
            {
                throw new GangwayException(ErrorKind.InvalidConfiguration, $"'column_transformer' part {list.Count + 1} needs a non-blank name.");
            }

            if (list.Exists(p => p.Name == part.Name))
            {
                throw new GangwayException(ErrorKind.InvalidConfiguration, $"'column_transformer' has two parts named '{part.Name}'; part names must be distinct.");
            }

            list.Add(part with { Columns = FeatureOptions.ColumnList(part.Columns, $"column_transformer part '{part.Name}'") });
        }

        if (list.Count == 0)
        {
            throw new GangwayException(ErrorKind.InvalidConfiguration, "'column_transformer' needs at least one part.");
        }

        Parts = list;
        Remainder = remainder;
    }

    /// <summary>The parts, in output order.</summary>
    public IReadOnlyList<ColumnTransformerPart> Parts { get; }

    /// <summary>What happens to columns no part uses.</summary>
    public RemainderPolicy Remainder { get; }

    /// <inheritdoc />
    /// <exception cref="GangwayException">A part's column is missing, a part fails to fit, the data has no rows, or two outputs share a name.</exception>
    public ColumnTransformerTransformer Fit(Table data)
    {
        ArgumentNullException.ThrowIfNull(data);
        foreach (var part in Parts)
        {
            data.RequireColumns(part.Columns);
        }

        data.RequireRows($"fit '{ColumnTransformerTransformer.KindName}'");
        var fitted = new List<FittedColumnTransformerPart>(Parts.Count);
        var owners = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var part in Parts)
        {
            var input = data.Select(part.Columns);
            var transformer = part.Estimator.Fit(input);
            foreach (var name in transformer.Transform(input).ColumnNames)
            {
                if (!owners.TryAdd(name, part.Name))
                {
                    throw new GangwayException(
                        ErrorKind.InvalidConfiguration,
                        $"'column_transformer' parts '{owners[name]}' and '{part.Name}' both output column '{name}'; give the outputs distinct names.");
                }
            }

            fitted.Add(new FittedColumnTransformerPart(part.Name, transformer, part.Columns));
        }

        var result = new ColumnTransformerTransformer(fitted, Remainder);
        if (Remainder == RemainderPolicy.Passthrough)
        {
            foreach (var column in data.Columns)
            {
                if (!result.UsedColumns.Contains(column.Name) && owners.TryGetValue(column.Name, out var owner))
                {
                    throw new GangwayException(
                        ErrorKind.InvalidConfiguration,
                        $"'column_transformer' part '{owner}' outputs column '{column.Name}', which is also passed through as a remainder column; add it to a part or use remainder: drop.");
                }
            }
        }

        return result;
    }
}
