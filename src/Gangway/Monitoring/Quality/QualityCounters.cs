using Gangway.Data;
using Gangway.Learners;
using Gangway.Schema;

namespace Gangway.Monitoring.Quality;

/// <summary>
/// Online data quality of what a model was asked and what it answered: per input field, the records seen, the missing
/// values and the values that broke the data contract's range rules (<c>min</c>, <c>max</c>) or its category rule
/// (<c>values</c>), checked by the contract's own <see cref="SchemaValidator"/>; and numeric instability, NaN or
/// ±infinity. Records the contract rejects are never scored, so what is counted is what passed with warnings, plus
/// missing values. Like Great Expectations' validation counts, kept running rather than per batch.
/// </summary>
/// <remarks>
/// Non-finite features are looked for in the numeric inputs, not in the pipeline's transformed feature vector (reaching
/// it would mean running the pipeline's steps again): an input of ±infinity counts, while NaN in an input is how a
/// <see cref="Table"/> stores a missing number and counts as missing. Non-finite outputs are NaN or ±infinity in the
/// <c>probability</c> column and in a numeric <c>prediction</c> column. Thread-safe: <see cref="Add"/>,
/// <see cref="Merge"/> and <see cref="Snapshot"/> may be called from different threads.
/// </remarks>
public sealed class QualityCounters
{
    private readonly Lock _gate = new();
    private readonly SchemaValidator? _validator;
    private readonly Dictionary<string, FieldCounts> _fields = new(StringComparer.Ordinal);
    private long _records;
    private long _nonFiniteOutputs;

    /// <summary>Counts the fields <paramref name="fields"/> (a model's input columns) against <paramref name="contract"/>.</summary>
    /// <param name="fields">The input fields to count, in order.</param>
    /// <param name="contract">The data contract whose rules the fields it declares are checked by, or null for none (then only missing and non-finite values count).</param>
    public QualityCounters(IEnumerable<string> fields, DataSchema? contract = null)
    {
        ArgumentNullException.ThrowIfNull(fields);
        foreach (var field in fields)
        {
            _fields.TryAdd(field, new FieldCounts());
        }

        _validator = contract is null ? null : new SchemaValidator(contract.Select(_fields.Keys));
    }

    /// <summary>The fields counted.</summary>
    public IReadOnlyCollection<string> Fields
    {
        get
        {
            lock (_gate)
            {
                return [.. _fields.Keys];
            }
        }
    }

    /// <summary>Counts the records of <paramref name="input"/> and, when given, what was scored for them.</summary>
    /// <param name="input">The records as the model read them; a counted field it lacks counts nothing.</param>
    /// <param name="scored">What the model answered for <paramref name="input"/> (its prediction columns), or null when not known.</param>
    /// <exception cref="GangwayException">A contract column is stored with the wrong type (InvalidInput).</exception>
    public void Add(Table input, Table? scored = null)
    {
        ArgumentNullException.ThrowIfNull(input);
        var batch = Count(input, scored);
        lock (_gate)
        {
            _records += input.RowCount;
            _nonFiniteOutputs += batch.NonFiniteOutputs;
            foreach (var (field, counts) in batch.Fields)
            {
                _fields[field].Add(counts);
            }
        }
    }

    /// <summary>Adds what <paramref name="other"/> counted; a field only it counts is added (with no contract rules).</summary>
    public void Merge(QualityCounters other)
    {
        ArgumentNullException.ThrowIfNull(other);
        var theirs = other.Snapshot();
        lock (_gate)
        {
            _records += theirs.Records;
            _nonFiniteOutputs += theirs.NonFiniteOutputs;
            foreach (var field in theirs.Fields)
            {
                if (!_fields.TryGetValue(field.Field, out var counts))
                {
                    _fields[field.Field] = counts = new FieldCounts();
                }

                counts.Add(new FieldCounts
                {
                    Records = field.Records,
                    Missing = field.Missing,
                    OutOfRange = field.OutOfRange,
                    UnknownCategory = field.UnknownCategory,
                    NonFinite = field.NonFinite,
                });
            }
        }
    }

    /// <summary>The counts so far, with rates.</summary>
    public QualitySnapshot Snapshot()
    {
        lock (_gate)
        {
            return new QualitySnapshot(
                _records,
                _fields.Sum(f => f.Value.NonFinite),
                _nonFiniteOutputs,
                [.. _fields.Select(f => new FieldQuality(f.Key, f.Value.Records, f.Value.Missing, f.Value.OutOfRange, f.Value.UnknownCategory, f.Value.NonFinite))]);
        }
    }

    // Counted outside the lock: validation is the costly part.
    private (Dictionary<string, FieldCounts> Fields, long NonFiniteOutputs) Count(Table input, Table? scored)
    {
        var counts = new Dictionary<string, FieldCounts>(StringComparer.Ordinal);
        foreach (var field in _fields.Keys)
        {
            if (input.TryGetColumn(field, out var column))
            {
                counts[field] = CountColumn(column);
            }
        }

        if (_validator is not null && input.RowCount > 0)
        {
            foreach (var violation in _validator.Validate(input, datasetRules: false).Violations)
            {
                if (counts.TryGetValue(violation.Column, out var field))
                {
                    field.CountRule(violation.Rule);
                }
            }
        }

        return (counts, scored is null ? 0 : NonFiniteOutputs(scored));
    }

    private static FieldCounts CountColumn(Column column)
    {
        var counts = new FieldCounts { Records = column.Length };
        for (var row = 0; row < column.Length; row++)
        {
            counts.Missing += column.IsMissing(row) ? 1 : 0;
        }

        if (column is NumericColumn numbers)
        {
            foreach (var value in numbers.Values)
            {
                counts.NonFinite += double.IsInfinity(value) ? 1 : 0;
            }
        }

        return counts;
    }

    private static long NonFiniteOutputs(Table scored)
    {
        long count = 0;
        foreach (var name in (ReadOnlySpan<string>)[PredictionColumns.Probability, PredictionColumns.Prediction])
        {
            if (scored.TryGetColumn(name, out var column) && column is NumericColumn numbers)
            {
                foreach (var value in numbers.Values)
                {
                    count += double.IsFinite(value) ? 0 : 1;
                }
            }
        }

        return count;
    }
}
