using Gangway.Data;

namespace Gangway.Evaluation;

/// <summary>
/// Predicts the majority class of the training data for every row, with the training positive rate as probability.
/// Like scikit-learn's DummyClassifier(strategy='prior'). When the rate is exactly 0.5 every row is predicted positive.
/// </summary>
public sealed class MajorityClassBaseline : IBaseline
{
    /// <summary>The name this baseline is reported under: <c>majority_class</c>.</summary>
    public const string DefaultName = "majority_class";

    /// <summary>Creates the baseline from the share of positive rows in the training data.</summary>
    /// <param name="trainingPositiveRate">Between 0 and 1.</param>
    /// <exception cref="GangwayException">The rate is not between 0 and 1.</exception>
    public MajorityClassBaseline(double trainingPositiveRate)
    {
        if (!(trainingPositiveRate is >= 0 and <= 1))
        {
            throw new GangwayException(
                ErrorKind.InvalidConfiguration,
                $"The training positive rate of baseline '{DefaultName}' must be between 0 and 1; got {Column.FormatNumber(trainingPositiveRate)}.");
        }

        TrainingPositiveRate = trainingPositiveRate;
    }

    /// <inheritdoc />
    public string Name => DefaultName;

    /// <summary>The share of positive rows in the training data, used as every row's probability.</summary>
    public double TrainingPositiveRate { get; }

    /// <inheritdoc />
    public IReadOnlyList<double> PredictProbabilities(Table data)
    {
        ArgumentNullException.ThrowIfNull(data);
        return Enumerable.Repeat(TrainingPositiveRate, data.RowCount).ToArray();
    }
}
