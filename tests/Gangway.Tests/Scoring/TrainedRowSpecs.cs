using Gangway.Bundles;
using Gangway.Tests.Bundles;
using Gangway.Tests.Training;
using Gangway.Training;

namespace Gangway.Tests.Scoring;

/// <summary>
/// Trains, once per test class, specs that use the feature steps the Titanic examples do not (sum with an offset,
/// standard_scale, bin, one_hot on a number with drop_first, drop), a learner scored by an ML.NET engine and a text label.
/// </summary>
public sealed class TrainedRowSpecs
{
    /// <summary>Logistic regression (scored by a pooled ML.NET engine) after scaling, uniform bins and drop_first encoding.</summary>
    public const string ScaledSpec = """
        name: scaled
        target:
          column: Survived
          positive: "1"
        ids:
          PassengerId: numeric
        inputs:
          Pclass: numeric
          Name: text
          Sex: text
          Age: numeric
          SibSp: numeric
          Parch: numeric
          Fare: numeric
          Embarked: text
          Cabin: text
        features:
          - step: title
          - step: sum
            columns: [SibSp, Parch]
            to: Relatives
            offset: 0.5
          - step: impute
            columns: [Age, Fare]
            strategy: mean
          - step: impute
            columns: [Embarked]
            strategy: constant
            value: S
          - step: standard_scale
            columns: [Age, Fare]
          - step: bin
            columns: [Relatives]
            bins: 4
            strategy: uniform
          - step: one_hot
            columns: [Pclass, Sex, Title, Embarked]
            unknown: all_zeros
            drop_first: true
          - step: drop
            columns: [Cabin, Name]
        learner:
          type: logistic_regression
        seed: 7
        """;

    /// <summary>A random forest on quantile bins (Fare is not imputed) with a text label, no/yes.</summary>
    public const string BinnedSpec = """
        name: binned
        target:
          column: Survived
          positive: "yes"
        ids:
          PassengerId: numeric
        inputs:
          Pclass: numeric
          Sex: text
          Age: numeric
          SibSp: numeric
          Parch: numeric
          Fare: numeric
        features:
          - step: impute
            columns: [Age]
            strategy: median
          - step: bin
            columns: [Age, Fare]
            bins: 5
          - step: standard_scale
            columns: [SibSp, Parch]
            with_mean: false
          - step: one_hot
            columns: [Sex]
        learner:
          type: fast_forest
          trees: 30
        seed: 11
        """;

    public TrainedRowSpecs()
    {
        using var temp = new TempDirectory();
        var trainer = new ModelTrainer(new FixedTimeProvider(TitanicFiles.TrainedAt));
        Scaled = trainer.Train(temp.Write("scaled.yaml", ScaledSpec), TitanicFiles.Train);
        var textLabels = TitanicFiles.Rewrite(temp, TitanicFiles.Train, "train-text-label.csv", (line, index) => index == 0 ? line : WithTextLabel(line));
        Binned = trainer.Train(temp.Write("binned.yaml", BinnedSpec), textLabels);
    }

    /// <summary>The bundle of <see cref="ScaledSpec"/>.</summary>
    public ModelBundle Scaled { get; }

    /// <summary>The bundle of <see cref="BinnedSpec"/>, trained with Survived written as no/yes.</summary>
    public ModelBundle Binned { get; }

    // Survived is the second field of train.csv, before any quoted field.
    private static string WithTextLabel(string line)
    {
        var first = line.IndexOf(',', StringComparison.Ordinal);
        var second = line.IndexOf(',', first + 1);
        var label = line[(first + 1)..second] switch
        {
            "0" => "no",
            "1" => "yes",
            var other => throw new InvalidOperationException($"Unexpected label '{other}' in: {line}"),
        };
        return string.Concat(line.AsSpan(0, first + 1), label, line.AsSpan(second));
    }
}
