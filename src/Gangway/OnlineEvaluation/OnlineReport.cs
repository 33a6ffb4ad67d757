namespace Gangway.OnlineEvaluation;

/// <summary>
/// The whole answer of <c>GET /monitoring/online</c> and <c>gangway monitor online</c>: the online metrics of every
/// variant and, when the deployment has rules, a decision for every challenger and shadow against the champion.
/// </summary>
/// <param name="Model">The model (deployment) reported on, when the host names one.</param>
/// <param name="Since">The earliest prediction time included, when the host limited it.</param>
/// <param name="Confidence">The confidence level of the metrics' intervals.</param>
/// <param name="Variants">The metrics per variant: served variants first, then shadows.</param>
/// <param name="Rules">The decision rules, <see langword="null"/> when none were given.</param>
/// <param name="Decisions">One decision per variant other than the champion; empty without rules.</param>
public sealed record OnlineReport(
    string? Model,
    DateTimeOffset? Since,
    double Confidence,
    IReadOnlyList<VariantMetrics> Variants,
    DecisionRules? Rules,
    IReadOnlyList<VariantDecision> Decisions)
{
    /// <summary>Computes the report from joined records.</summary>
    /// <param name="observations">The records, in any order.</param>
    /// <param name="rules">The decision rules, or <see langword="null"/> for metrics only.</param>
    /// <param name="options">Labels, confidence and seed of the metrics; defaults when <see langword="null"/>.</param>
    /// <param name="model">The model name to report.</param>
    /// <param name="since">The time the records start from, to report.</param>
    /// <exception cref="GangwayException">A record, the options or the rules are invalid (see <see cref="OnlineMetrics.Compute"/>).</exception>
    public static OnlineReport Compute(
        IEnumerable<OnlineObservation> observations,
        DecisionRules? rules = null,
        OnlineMetricsOptions? options = null,
        string? model = null,
        DateTimeOffset? since = null)
    {
        ArgumentNullException.ThrowIfNull(observations);
        var validated = Validated(options, rules);
        var reader = new VariantRecordsReader(validated);
        foreach (var observation in observations)
        {
            reader.Add(observation);
        }

        return Build(reader.Build(), rules, validated, model, since);
    }

    /// <summary>
    /// Computes the report from joined records streamed from a store. Only records with feedback count in metrics and
    /// decisions, so a store need only stream those and give the number of predictions per variant in
    /// <paramref name="counts"/>: a counted variant without feedback is reported with its count and no metrics.
    /// </summary>
    /// <param name="observations">The records, in any order: every one, or (with <paramref name="counts"/>) those with feedback.</param>
    /// <param name="rules">The decision rules, or <see langword="null"/> for metrics only.</param>
    /// <param name="options">Labels, confidence and seed of the metrics; defaults when <see langword="null"/>.</param>
    /// <param name="model">The model name to report.</param>
    /// <param name="since">The time the records start from, to report.</param>
    /// <param name="counts">
    /// The predictions per variant, or <see langword="null"/> when <paramref name="observations"/> are every record (then
    /// they are the count). A variant with more observations than its count is reported with its observations.
    /// </param>
    /// <param name="cancellationToken">Stops reading the records.</param>
    /// <exception cref="GangwayException">A record, the options or the rules are invalid (see <see cref="OnlineMetrics.Compute"/>).</exception>
    public static async Task<OnlineReport> ComputeAsync(
        IAsyncEnumerable<OnlineObservation> observations,
        DecisionRules? rules = null,
        OnlineMetricsOptions? options = null,
        string? model = null,
        DateTimeOffset? since = null,
        IEnumerable<VariantCount>? counts = null,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(observations);
        var validated = Validated(options, rules);
        var reader = new VariantRecordsReader(validated);
        await foreach (var observation in observations.WithCancellation(cancellationToken).ConfigureAwait(false))
        {
            reader.Add(observation);
        }

        return Build(reader.Build(counts), rules, validated, model, since);
    }

    /// <summary>The report as snake_case JSON; numbers at full precision, anything undefined or infinite null.</summary>
    public string ToJson() => OnlineReportJson.Write(this);

    /// <summary>The report as a plain-text table of metrics per variant followed by the decisions, for a terminal.</summary>
    public string ToText() => OnlineReportText.Write(this);

    private static OnlineMetricsOptions Validated(OnlineMetricsOptions? options, DecisionRules? rules)
    {
        rules?.Validated();
        return (options ?? new OnlineMetricsOptions()).Validated();
    }

    private static OnlineReport Build(IReadOnlyList<VariantRecords> variants, DecisionRules? rules, OnlineMetricsOptions options, string? model, DateTimeOffset? since) => new(
        model,
        since,
        options.Confidence,
        [.. variants.Select(v => OnlineMetrics.Of(v, options))],
        rules,
        rules is null ? [] : Decide(variants, rules));

    private static List<VariantDecision> Decide(IReadOnlyList<VariantRecords> variants, DecisionRules rules)
    {
        var champion = variants.FirstOrDefault(v => !v.IsShadow && v.Name == rules.Champion)
            ?? new VariantRecords(rules.Champion, false, [], [], [], [], [], []);
        var decisions = new List<VariantDecision>();
        foreach (var challenger in variants.Where(v => v != champion))
        {
            var pairs = challenger.IsShadow ? ChallengerTest.Pairs(champion, challenger) : null;
            decisions.Add(DeploymentDecision.Decide(
                rules,
                challenger.Name,
                challenger.IsShadow,
                rules.PromoteWhen is { } promote ? ChallengerTest.Run(champion, challenger, pairs, promote) : null,
                rules.RollbackWhen is { } rollback ? ChallengerTest.Run(champion, challenger, pairs, rollback) : null));
        }

        return decisions;
    }
}
