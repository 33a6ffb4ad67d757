using Gangway.Pipelines;
using Gangway.Specs;

namespace Gangway.Features;

/// <summary>The spec names and argument readers of the built-in feature steps (documented on <see cref="FeatureStepCatalog"/>).</summary>
internal static class BuiltInFeatureSteps
{
    public static FeatureStepCatalog RegisterAll(FeatureStepCatalog catalog) => catalog
        .Register("select", args => Checked(args, new SelectColumnsEstimator(args.GetStrings("columns"))))
        .Register("drop", args => Checked(args, new DropColumnsEstimator(args.GetStrings("columns"))))
        .Register("impute", args => Checked(args, new ImputingEstimator(
            args.GetStrings("columns"),
            args.GetChoice("strategy", ["mean", "median", "most_frequent", "constant"]) switch
            {
                "mean" => ImputationStrategy.Mean,
                "median" => ImputationStrategy.Median,
                "most_frequent" => ImputationStrategy.MostFrequent,
                _ => ImputationStrategy.Constant,
            },
            args.GetString("value", null))))
        .Register("one_hot", args => Checked(args, new OneHotEncodingEstimator(
            args.GetStrings("columns"),
            args.GetChoice("unknown", "error", ["error", "all_zeros"]) == "error" ? UnknownCategoryPolicy.Error : UnknownCategoryPolicy.AllZeros,
            args.GetBool("drop_first", false))))
        .Register("standard_scale", args => Checked(args, new StandardScalingEstimator(
            args.GetStrings("columns"),
            args.GetBool("with_mean", true),
            args.GetBool("with_std", true))))
        .Register("bin", args => Checked(args, new BinningEstimator(
            args.GetStrings("columns"),
            args.GetInt("bins", 5),
            args.GetChoice("strategy", "quantile", ["quantile", "uniform"]) == "quantile" ? BinningStrategy.Quantile : BinningStrategy.Uniform)))
        .Register("title", args => Checked(args, new TitleExtractingEstimator(args.GetString("from", "Name")!, args.GetString("to", "Title")!)))
        .Register("family_size", args => Checked(args, new SumColumnsEstimator(
            args.GetStrings("columns"),
            args.GetString("to"),
            offset: 1)))
        .Register("sum", args => Checked(args, new SumColumnsEstimator(
            args.GetStrings("columns"),
            args.GetString("to"),
            args.GetDouble("offset", 0))))
        .Register("column_transformer", args => Checked(args, ColumnTransformer(catalog, args)));

    private static IEstimator Checked(StepArguments args, IEstimator estimator)
    {
        args.EnsureAllUsed();
        return estimator;
    }

    private static ColumnTransformerEstimator ColumnTransformer(FeatureStepCatalog catalog, StepArguments args)
    {
        var parts = new List<ColumnTransformerPart>();
        foreach (var part in args.GetMaps("parts"))
        {
            var name = part.GetString("name");
            var columns = part.GetStrings("columns");
            var defaults = new Dictionary<string, object?>(StringComparer.Ordinal) { ["columns"] = columns.ToList<object?>() };
            var steps = new List<IEstimator>();
            foreach (var step in part.GetMaps("steps"))
            {
                var stepName = step.GetString("step");
                steps.Add(catalog.Create(stepName, step.TakeRemaining(stepName, defaults)));
            }

            part.EnsureAllUsed();
            if (steps.Count == 0)
            {
                throw part.Invalid("steps", null, "needs at least one step");
            }

            parts.Add(new ColumnTransformerPart(name, steps.Count == 1 ? steps[0] : new PipelineEstimator(steps), columns));
        }

        var remainder = args.GetChoice("remainder", "passthrough", ["passthrough", "drop"]) == "drop" ? RemainderPolicy.Drop : RemainderPolicy.Passthrough;
        return new ColumnTransformerEstimator(parts, remainder);
    }
}
