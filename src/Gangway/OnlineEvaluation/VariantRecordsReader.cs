using System.Globalization;

namespace Gangway.OnlineEvaluation;

/// <summary>Collects observations into <see cref="VariantRecords"/> per variant, checking each one as it comes.</summary>
internal sealed class VariantRecordsReader
{
    private readonly Dictionary<(string Name, bool IsShadow), Columns> _variants = [];
    private readonly OnlineMetricsOptions _options;
    private (string Name, bool IsShadow) _lastKey;
    private Columns? _last;

    public VariantRecordsReader(OnlineMetricsOptions options) => _options = options;

    /// <exception cref="GangwayException">The observation breaks a rule; the message names its answer id, the field, the rule and the value.</exception>
    public void Add(OnlineObservation observation)
    {
        ArgumentNullException.ThrowIfNull(observation);
        if (string.IsNullOrEmpty(observation.Variant))
        {
            throw Invalid(observation, "variant", "must name the variant", "nothing");
        }

        // Records of one variant tend to come in runs; skipping the lookup then saves hashing the name every time.
        var columns = _last;
        if (columns is null || _lastKey.IsShadow != observation.IsShadow || !string.Equals(_lastKey.Name, observation.Variant, StringComparison.Ordinal))
        {
            _lastKey = (observation.Variant, observation.IsShadow);
            if (!_variants.TryGetValue(_lastKey, out columns))
            {
                columns = new Columns();
                _variants.Add(_lastKey, columns);
            }

            _last = columns;
        }

        sbyte label = -1;
        var predicted = false;
        if (observation.Label is { } text)
        {
            label = Class(observation, "label", text) ? (sbyte)1 : (sbyte)0;
            predicted = Class(observation, "prediction", observation.Prediction);
        }

        var probability = observation.Probability ?? double.NaN;
        if (observation.Probability is { } p && !(p is >= 0 and <= 1))
        {
            throw Invalid(observation, "probability", "must be between 0 and 1", Format(p));
        }

        var reward = observation.Reward ?? double.NaN;
        if (observation.Reward is { } r && !double.IsFinite(r))
        {
            throw Invalid(observation, "reward", "must be a finite number", Format(r));
        }

        columns.Ticks.Add(observation.Time.UtcTicks);
        columns.AnswerIds.Add(observation.AnswerId ?? throw Invalid(observation, "answer_id", "must be given", "nothing"));
        columns.Label.Add(label);
        columns.Predicted.Add(predicted);
        columns.Probability.Add(probability);
        columns.Reward.Add(reward);
    }

    /// <summary>
    /// The records of every variant seen or counted, served variants first, each group by name. A variant's
    /// predictions are its count, or its records when it has more (e.g. its counters were pruned first).
    /// </summary>
    /// <param name="counts">The predictions per variant; null when every record was read, so the records are the count.</param>
    public IReadOnlyList<VariantRecords> Build(IEnumerable<VariantCount>? counts = null)
    {
        var predictions = new Dictionary<(string Name, bool IsShadow), long>();
        foreach (var count in counts ?? [])
        {
            var key = (count.Variant, count.IsShadow);
            predictions[key] = predictions.GetValueOrDefault(key) + count.Predictions;
            _variants.TryAdd(key, new Columns());
        }

        return
        [
            .. _variants
                .OrderBy(v => v.Key.IsShadow)
                .ThenBy(v => v.Key.Name, StringComparer.Ordinal)
                .Select(v => v.Value.ToRecords(v.Key.Name, v.Key.IsShadow, predictions.GetValueOrDefault(v.Key))),
        ];
    }

    private bool Class(OnlineObservation observation, string field, string? text)
    {
        if (text == _options.PositiveLabel)
        {
            return true;
        }

        return text == _options.NegativeLabel
            ? false
            : throw Invalid(observation, field, $"must be '{_options.PositiveLabel}' (positive) or '{_options.NegativeLabel}' (negative)", text is null ? "nothing" : $"'{text}'");
    }

    private static GangwayException Invalid(OnlineObservation observation, string field, string rule, string value) => new(
        ErrorKind.InvalidInput,
        $"Record '{observation.AnswerId}' of variant '{observation.Variant}': field '{field}' {rule}; it has {value}.");

    private static string Format(double value) => value.ToString("R", CultureInfo.InvariantCulture);

    private sealed class Columns
    {
        public List<long> Ticks { get; } = [];

        public List<string> AnswerIds { get; } = [];

        public List<sbyte> Label { get; } = [];

        public List<bool> Predicted { get; } = [];

        public List<double> Probability { get; } = [];

        public List<double> Reward { get; } = [];

        public VariantRecords ToRecords(string name, bool isShadow, long predictions)
        {
            var ticks = Ticks.ToArray();
            var order = new int[ticks.Length];
            for (var i = 0; i < order.Length; i++)
            {
                order[i] = i;
            }

            // Stores usually hand records over in time order already; sorting is then a cheap check.
            Array.Sort(ticks, order);
            return new VariantRecords(name, isShadow, ticks, Permute(AnswerIds, order), Permute(Label, order), Permute(Predicted, order), Permute(Probability, order), Permute(Reward, order), predictions);
        }

        private static T[] Permute<T>(List<T> values, int[] order)
        {
            var permuted = new T[order.Length];
            for (var i = 0; i < order.Length; i++)
            {
                permuted[i] = values[order[i]];
            }

            return permuted;
        }
    }
}
