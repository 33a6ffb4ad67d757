using System.Diagnostics;
using Gangway.Bundles;
using Gangway.Data;
using Gangway.Evaluation;
using Gangway.Pipelines;
using Gangway.Scoring;
using Gangway.Specs;
using Gangway.Training;

namespace Gangway.Benchmarks;

/// <summary>
/// Where the time of <c>gangway evaluate</c> goes: the steps of <see cref="BundleEvaluator"/> one after the other, each
/// timed with a stopwatch (bundle load, reading and scoring, then reading alone, the contract check, scoring alone and each
/// pipeline step, the metrics, slices and baselines, the bootstrap alone). Run with
/// <c>dotnet run -c Release --project bench/Gangway.Benchmarks -- profile-evaluate model.gwb data.csv [resamples]</c>.
/// </summary>
internal static class EvaluateProfile
{
    public static void Run(string modelPath, string dataPath, int resamples)
    {
        var clock = Stopwatch.StartNew();
        void Step(string what)
        {
            Console.WriteLine($"{what,-44} {clock.Elapsed.TotalSeconds,6:F2} s");
            clock.Restart();
        }

        var bundle = BundleReader.Read(modelPath);
        Step("bundle load");
        var readOptions = SpecData.ReadOptions(bundle.Schema, includeTarget: true);
        var read = TableScorer.ReadAndScore(bundle.Model, new CsvFileSource(dataPath), readOptions);
        read.Scored();
        Step($"read and score, as evaluate does ({read.Data.Table.RowCount:N0} rows)");
        var data = SpecData.ReadLabelledWithLines(bundle.Schema, new CsvFileSource(dataPath));
        Step($"  read alone ({data.Table.RowCount:N0} rows)");
        BundleEvaluator.CheckContract(bundle, data, "The evaluation data", null);
        Step("contract check");
        var spec = ModelSpecReader.Parse(bundle.SpecText, bundle.Name, contract: bundle.Contract);
        bundle.Model.Transform(data.Table);
        Step("  score alone, one Transform of the table");
        var scored = TableScorer.Scored(bundle.Model, data.Table);
        Step($"  score alone, TableScorer ({Environment.ProcessorCount} cores)");
        var stepInput = data.Table;
        foreach (var fitted in FittedSteps.Of(bundle.Model))
        {
            stepInput = fitted.Transform(stepInput);
            Step($"    step {fitted.Kind} (each row once, one Transform)");
        }
        var options = new BinaryClassificationEvaluatorOptions
        {
            LabelColumn = bundle.Schema.Target,
            PositiveClass = spec.Target.PositiveClass,
            SliceColumns = spec.Slices,
            Baselines = [new MajorityClassBaseline(0.38), .. spec.Baselines.Select(b => new RuleBaseline(b.Name, b.Column, b.EqualsValue))],
        };
        new BinaryClassificationEvaluator(options).Evaluate(scored);
        Step("metrics, slices, baselines (no intervals)");
        var probe = ScoredRows.Read(scored, options);
        Step("  read scored rows");
        var everyRow = Enumerable.Range(0, probe.Count).ToArray();
        probe.Evaluate(everyRow);
        Step("  overall metrics");
        foreach (var column in spec.Slices)
        {
            var groupsOf = SliceGroups.Of(scored[column]);
            Step($"  slice groups {column}");
            foreach (var g in groupsOf)
            {
                probe.Evaluate(g.Rows);
            }

            Step($"  slice metrics {column}");
        }

        foreach (var b in options.Baselines)
        {
            probe.WithBaseline(b, scored).Evaluate(everyRow);
            Step($"  baseline {b.Name}");
        }
        var rows = ScoredRows.Read(scored, options);
        Step("read scored rows");
        var groupCount = 1;
        var membership = spec.Slices.Select(column =>
        {
            var groupOfRow = new int[rows.Count];
            foreach (var (_, members) in SliceGroups.Of(scored[column]))
            {
                var index = groupCount++;
                foreach (var row in members)
                {
                    groupOfRow[row] = index;
                }
            }

            return groupOfRow;
        }).ToList();
        Step($"slice membership ({groupCount} groups)");
        var bootstrap = new BootstrapOptions { Resamples = resamples, Seed = spec.Seed };
        BootstrapIntervals.Replicates(rows.Actual, [(rows.Probability, rows.Predicted)], membership, groupCount, bootstrap);
        Step($"bootstrap replicates ({resamples:N0} resamples)");
        var distinct = DistinctRows.Of(rows.Actual, [(rows.Probability, rows.Predicted)], membership);
        Step($"  of which: merging identical rows ({distinct.Count:N0} distinct)");
        var sampler = new StratifiedBootstrap([.. distinct.First.Select(i => rows.Actual[i])], distinct.Multiplicity, spec.Seed);
        var counts = new int[distinct.Count];
        for (var resample = 0; resample < resamples; resample++)
        {
            sampler.Fill(resample, counts);
        }

        Step("  of which: drawing the counts (one thread)");
        Console.WriteLine($"distinct probabilities: {rows.Probability.Distinct().Count():N0}");
    }
}
