using Gangway.Bundles;
using Gangway.Comparison;
using Gangway.Data;
using Gangway.Evaluation;
using Gangway.Learners;
using Gangway.Scoring;
using Gangway.Specs;
using Gangway.Training;

namespace Gangway.Promotion;

/// <summary>
/// What the gates of one promotion measure on the promotion data, each computed once and only when a gate asks: the
/// candidate's report, its bootstrap intervals per confidence level, and paired comparisons with the current version and
/// the baselines. Every bootstrap is seeded by the candidate spec's seed and puts the candidate's scores first, so all of
/// them draw the same resamples and the candidate's intervals are those <c>gangway evaluate</c> prints.
/// </summary>
internal sealed class GateEvidence
{
    private readonly ModelBundle _candidate;
    private readonly ModelBundle? _current;
    private readonly Table _data;
    private readonly IReadOnlyList<string> _groupColumns;
    private readonly ModelSpec _spec;
    private readonly Dictionary<double, BinaryClassificationReport> _withIntervals = [];
    private readonly Dictionary<string, double[][]> _paired = new(StringComparer.Ordinal);
    private readonly Dictionary<string, ScoredRows> _scores = new(StringComparer.Ordinal);
    private ScoredRows? _candidateScores;

    public GateEvidence(ModelBundle candidate, ModelBundle? current, Table data, IReadOnlyList<string> groupColumns)
    {
        (_candidate, _current, _data, _groupColumns) = (candidate, current, data, groupColumns);
        _spec = ModelSpecReader.Parse(candidate.SpecText, $"{candidate.Name} (spec stored in the bundle)", contract: candidate.Contract);
        Report = BundleEvaluator.Evaluate(candidate, data, groupColumns);
    }

    /// <summary>The candidate's metrics, overall and per group of the gates' columns, without intervals.</summary>
    public BinaryClassificationReport Report { get; }

    /// <summary>Whether there is a current version to compare with.</summary>
    public bool HasCurrent => _current is not null;

    /// <summary>The candidate's report with stratified bootstrap intervals at <paramref name="confidence"/>.</summary>
    public BinaryClassificationReport WithIntervals(double confidence)
    {
        if (!_withIntervals.TryGetValue(confidence, out var report))
        {
            report = BundleEvaluator.Evaluate(_candidate, _data, _groupColumns, Bootstrap(confidence));
            _withIntervals[confidence] = report;
        }

        return report;
    }

    /// <summary>
    /// The candidate compared on <paramref name="metric"/> with <paramref name="reference"/> (a baseline name, or
    /// <see cref="BeatsGate.Champion"/> for the current version): first is the reference, second the candidate.
    /// </summary>
    /// <param name="reference">The model the candidate is compared with.</param>
    /// <param name="metric">A metric name of <see cref="Evaluation.Metrics.Scalars"/>.</param>
    /// <param name="confidence">The confidence level of the test and interval.</param>
    /// <param name="bootstrap">Also compute the paired bootstrap interval; needed for metrics without a classic test.</param>
    public MetricComparison Compare(string reference, string metric, double confidence, bool bootstrap)
    {
        var candidate = CandidateScores;
        var other = Scores(reference);
        var all = Enumerable.Range(0, candidate.Count).ToArray();
        var value = Evaluation.Metrics.Scalars.First(s => s.Name == metric).Value;
        var (delong, mcnemar) = PairedComparison.Tests(other, candidate, confidence);
        var interval = bootstrap ? Differences(reference, confidence).Intervals.GetValueOrDefault(metric) : null;
        return PairedComparison.Row(metric, value(other.Evaluate(all)), value(candidate.Evaluate(all)), reference, "candidate", delong, mcnemar, interval, confidence);
    }

    /// <summary>The paired bootstrap intervals of candidate minus <paramref name="reference"/> for every metric.</summary>
    public MetricIntervals Differences(string reference, double confidence)
    {
        if (!_paired.TryGetValue(reference, out var replicates))
        {
            var (candidate, other) = (CandidateScores, Scores(reference));
            replicates = BootstrapIntervals.Replicates(
                candidate.Actual, [(candidate.Probability, candidate.Predicted), (other.Probability, other.Predicted)], [], 1, Bootstrap(confidence));
            _paired[reference] = replicates;
        }

        return BootstrapIntervals.Differences(replicates[1], replicates[0], 1, Bootstrap(confidence));
    }

    private ScoredRows CandidateScores => _candidateScores ??= Score(_candidate);

    private BootstrapOptions Bootstrap(double confidence) => new BootstrapOptions { Confidence = confidence, Seed = _spec.Seed }.Validated();

    private ScoredRows Scores(string name)
    {
        if (!_scores.TryGetValue(name, out var scores))
        {
            scores = ScoresOf(name);
            _scores[name] = scores;
        }

        return scores;
    }

    private ScoredRows ScoresOf(string name)
    {
        if (name == BeatsGate.Champion)
        {
            return _current is { } current ? Score(current) : throw new InvalidOperationException("No current version to compare with.");
        }

        IBaseline baseline = name == MajorityClassBaseline.DefaultName
            ? new MajorityClassBaseline(BundleEvaluator.TrainingPositiveRate(_candidate))
            : _spec.Baselines.FirstOrDefault(b => b.Name == name) is { } rule
                ? new RuleBaseline(rule.Name, rule.Column, rule.EqualsValue)
                : throw new GangwayException(
                    ErrorKind.InvalidConfiguration,
                    $"Promotion gate beats names '{name}', which is neither a baseline of {_candidate.Name}'s spec nor 'champion'; known: {string.Join(", ", PromotionSpecValidator.BeatableNames(_spec))}.");
        return CandidateScores.WithBaseline(baseline, _data);
    }

    // The candidate's label column and positive class for every model, so all score columns share the same true classes.
    private ScoredRows Score(ModelBundle bundle)
    {
        var scored = TableScorer.Scored(bundle.Model, _data);
        return ScoredRows.Read(scored, new BinaryClassificationEvaluatorOptions
        {
            LabelColumn = _candidate.Schema.Target,
            PositiveClass = _spec.Target.PositiveClass,
        });
    }
}
