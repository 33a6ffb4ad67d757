using Gangway.Features;
using Gangway.Pipelines;

namespace Gangway.Specs;

/// <summary>
/// Binds the built-in feature steps of a spec (documented on <see cref="FeatureStepCatalog"/>): reads each step's
/// arguments and builds the estimator from typed options, so the estimators never see YAML.
/// </summary>
internal static class FeatureStepBinders
{
    public static GangwayCatalogBuilder AddBuiltIns(GangwayCatalogBuilder builder) => builder
        .AddFeatureStepBinder("select", (args, _) => Checked(args, new SelectColumnsEstimator(args.GetStrings("columns"))))
        .AddFeatureStepBinder("drop", (args, _) => Checked(args, new DropColumnsEstimator(args.GetStrings("columns"))))
        .AddFeatureStepBinder("impute", (args, _) => Checked(args, new ImputingEstimator(
            args.GetStrings("columns"),
            args.GetChoice("strategy", ["mean", "median", "most_frequent", "constant"]) switch
            {
                "mean" => ImputationStrategy.Mean,
                "median" => ImputationStrategy.Median,
                "most_frequent" => ImputationStrategy.MostFrequent,
                _ => ImputationStrategy.Constant,
            },
            args.GetString("value", null))))
        .AddFeatureStepBinder("one_hot", (args, _) => Checked(args, new OneHotEncodingEstimator(
            args.GetStrings("columns"),
            args.GetChoice("unknown", "error", ["error", "all_zeros"]) == "error" ? UnknownCategoryPolicy.Error : UnknownCategoryPolicy.AllZeros,
            args.GetBool("drop_first", false))))
        .AddFeatureStepBinder("standard_scale", (args, _) => Checked(args, new StandardScalingEstimator(
            args.GetStrings("columns"),
            args.GetBool("with_mean", true),
            args.GetBool("with_std", true))))
        .AddFeatureStepBinder("bin", (args, _) => Checked(args, new BinningEstimator(
            args.GetStrings("columns"),
            args.GetInt("bins", 5),
            args.GetChoice("strategy", "quantile", ["quantile", "uniform"]) == "quantile" ? BinningStrategy.Quantile : BinningStrategy.Uniform)))
        .AddFeatureStepBinder("title", (args, _) => Checked(args, new TitleExtractingEstimator(args.GetString("from", "Name")!, args.GetString("to", "Title")!)))
        .AddFeatureStepBinder("family_size", (args, _) => Checked(args, new SumColumnsEstimator(
            args.GetStrings("columns"),
            args.GetString("to"),
            offset: 1)))
        .AddFeatureStepBinder("sum", (args, _) => Checked(args, new SumColumnsEstimator(
            args.GetStrings("columns"),
            args.GetString("to"),
            args.GetDouble("offset", 0))))
        .AddFeatureStepBinder("column_transformer", (args, steps) => Checked(args, ColumnTransformer(steps, args)));

    private static IEstimator Checked(StepArguments args, IEstimator estimator)
    {
        args.EnsureAllUsed();
        return estimator;
    }

    // Nested steps resolve through the finished catalog, so a custom step works inside a column transformer too.
    private static ColumnTransformerEstimator ColumnTransformer(FeatureStepCatalog steps, StepArguments args)
    {
        var parts = new List<ColumnTransformerPart>();
        foreach (var part in args.GetMaps("parts"))
        {
            var name = part.GetString("name");
            var columns = part.GetStrings("columns");
            var defaults = new Dictionary<string, object?>(StringComparer.Ordinal) { ["columns"] = columns.ToList<object?>() };
            var estimators = new List<IEstimator>();
            foreach (var step in part.GetMaps("steps"))
            {
                var stepName = step.GetString("step");
                estimators.Add(steps.Create(stepName, step.TakeRemaining(stepName, defaults)));
            }

            part.EnsureAllUsed();
            if (estimators.Count == 0)
            {
                throw part.Invalid("steps", null, "needs at least one step");
            }

            parts.Add(new ColumnTransformerPart(name, estimators.Count == 1 ? estimators[0] : new PipelineEstimator(estimators), columns));
        }

        var remainder = args.GetChoice("remainder", "passthrough", ["passthrough", "drop"]) == "drop" ? RemainderPolicy.Drop : RemainderPolicy.Passthrough;
        return new ColumnTransformerEstimator(parts, remainder);
    }
}
