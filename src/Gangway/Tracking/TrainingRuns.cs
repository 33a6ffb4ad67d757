using System.Globalization;
using System.Text.Json.Nodes;
using Gangway.Bundles;
using Gangway.Evaluation;
using Gangway.Specs;
using Gangway.Stores;

namespace Gangway.Tracking;

/// <summary>What a tracked run records about a training or a cross-validation: parameters, metrics, tags and lineage.</summary>
public static class TrainingRuns
{
    /// <summary>The run of a finished training: the bundle as artifact <c>model.gwb</c>, its training metrics and lineage.</summary>
    /// <param name="bundle">The trained bundle.</param>
    /// <param name="bundleBytes">The bundle file's bytes, exactly as written.</param>
    /// <param name="spec">The spec file it was trained from.</param>
    /// <param name="data">The training data file.</param>
    /// <param name="startedAt">When training started.</param>
    /// <param name="endedAt">When the bundle was written.</param>
    public static NewRun Training(ModelBundle bundle, byte[] bundleBytes, string spec, string data, DateTimeOffset startedAt, DateTimeOffset endedAt)
    {
        ArgumentNullException.ThrowIfNull(bundle);
        var metrics = new Dictionary<string, double>(StringComparer.Ordinal);
        if (bundle.Metrics["training"] is JsonObject training)
        {
            foreach (var (name, _) in Metrics.Scalars)
            {
                if (training[name] is JsonValue value && value.TryGetValue<double>(out var number) && double.IsFinite(number))
                {
                    metrics["training_" + name] = number;
                }
            }
        }

        // A calibrated model's out-of-fold calibration error before and after, as recorded by training.
        foreach (var (key, name) in new[] { ("out_of_fold_ece_uncalibrated", "calibration_oof_ece_uncalibrated"), ("out_of_fold_ece_calibrated", "calibration_oof_ece_calibrated") })
        {
            if (bundle.Metrics["calibration"]?[key] is JsonValue value && value.TryGetValue<double>(out var number) && double.IsFinite(number))
            {
                metrics[name] = number;
            }
        }

        metrics["duration_seconds"] = (endedAt - startedAt).TotalSeconds;
        return new NewRun(
            bundle.Name,
            "train",
            null,
            RunStatus.Finished,
            startedAt,
            endedAt,
            Parameters(ModelSpecReader.ReadFile(spec), spec, data, bundle.Lineage),
            metrics,
            Tags(bundle.Lineage, "train"),
            bundle.Lineage.ToJson(),
            [new RunArtifact(RunArtifact.ModelBundle, bundleBytes)]);
    }

    /// <summary>The parameters a run of <paramref name="spec"/> records: files and hashes, seed, learner and its arguments.</summary>
    public static Dictionary<string, string> Parameters(ModelSpec spec, string specPath, string dataPath, Lineage lineage)
    {
        ArgumentNullException.ThrowIfNull(spec);
        ArgumentNullException.ThrowIfNull(lineage);
        var parameters = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["spec"] = Path.GetFullPath(specPath),
            ["spec_sha256"] = lineage.SpecSha256,
            ["data"] = Path.GetFullPath(dataPath),
            ["data_sha256"] = lineage.DataSha256,
            ["seed"] = lineage.Seed.ToString(CultureInfo.InvariantCulture),
            ["learner"] = spec.Learner.Name,
            ["features"] = string.Join(",", spec.Features.Select(f => f.Name)),
        };
        if (lineage.ParsedDataSha256 is { } parsed)
        {
            parameters["parsed_data_sha256"] = parsed;
        }

        if (lineage.ParserSha256 is { } parser)
        {
            parameters["parser_sha256"] = parser;
        }

        if (spec.Calibration is { } calibration)
        {
            parameters["calibration"] = calibration.Method.ToString().ToLowerInvariant();
            parameters["calibration.folds"] = calibration.Folds.ToString(CultureInfo.InvariantCulture);
        }

        foreach (var (name, value) in spec.Learner.Arguments)
        {
            parameters["learner." + name] = Convert.ToString(value, CultureInfo.InvariantCulture) ?? "";
        }

        return parameters;
    }

    /// <summary>The tags every run records: Gangway's version, the git commit and the command.</summary>
    public static Dictionary<string, string> Tags(Lineage lineage, string command)
    {
        ArgumentNullException.ThrowIfNull(lineage);
        return Tags(command, lineage.GangwayVersion, lineage.GitCommit is { } commit ? commit + (lineage.GitDirty == true ? "-dirty" : "") : null);
    }

    /// <summary>The tags every run records: the command, Gangway's version, the host and the git commit when known.</summary>
    public static Dictionary<string, string> Tags(string command, string gangwayVersion, string? gitCommit)
    {
        var tags = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["gangway_version"] = gangwayVersion,
            ["command"] = command,
            ["host"] = Environment.MachineName,
        };
        if (gitCommit is not null)
        {
            tags["git_commit"] = gitCommit;
        }

        return tags;
    }

    /// <summary>
    /// The scalar metrics of a cross-validation: the mean of each as its name, the spread as <c>name_std</c>, the
    /// interval's bounds as <c>name_lower</c> and <c>name_upper</c>.
    /// </summary>
    public static Dictionary<string, double> Summary(CrossValidationReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        return Summary(report.Summaries);
    }

    /// <summary>
    /// Metric summaries as run metrics: the mean as the metric's name, the spread as <c>name_std</c>, the interval's
    /// bounds (when there is one) as <c>name_lower</c> and <c>name_upper</c>; an undefined value
    /// (e.g. an AUC with one class in every fold) is left out rather than stored as NaN.
    /// </summary>
    public static Dictionary<string, double> Summary(IEnumerable<MetricSummary> summaries)
    {
        ArgumentNullException.ThrowIfNull(summaries);
        var metrics = new Dictionary<string, double>(StringComparer.Ordinal);
        foreach (var summary in summaries)
        {
            if (summary.Mean is { } mean && double.IsFinite(mean))
            {
                metrics[summary.Name] = mean;
            }

            if (summary.StandardDeviation is { } spread && double.IsFinite(spread))
            {
                metrics[summary.Name + "_std"] = spread;
            }

            if (summary.Interval is { } interval && double.IsFinite(interval.Lower) && double.IsFinite(interval.Upper))
            {
                metrics[summary.Name + "_lower"] = interval.Lower;
                metrics[summary.Name + "_upper"] = interval.Upper;
            }
        }

        return metrics;
    }

    /// <summary>The scalar metrics of one evaluation, by name.</summary>
    public static Dictionary<string, double> Scalars(Metrics metrics)
    {
        ArgumentNullException.ThrowIfNull(metrics);
        var result = new Dictionary<string, double>(StringComparer.Ordinal);
        foreach (var (name, value) in Metrics.Scalars)
        {
            if (value(metrics) is { } number && double.IsFinite(number))
            {
                result[name] = number;
            }
        }

        return result;
    }
}
