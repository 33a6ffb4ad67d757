using Gangway.Data;

namespace Gangway.Evaluation;

/// <summary>
/// A simple reference model evaluated beside the classifier with the same metrics, like scikit-learn's DummyClassifier:
/// a model that does not beat its baselines has learned nothing useful. A row is predicted positive when its probability
/// is at least 0.5.
/// </summary>
public interface IBaseline
{
    /// <summary>The name the baseline is reported under; unique among the baselines of one evaluation.</summary>
    string Name { get; }

    /// <summary>The probability of the positive class for every row of <paramref name="data"/>, each between 0 and 1.</summary>
    /// <exception cref="GangwayException">A column the baseline needs is missing or has the wrong type.</exception>
    IReadOnlyList<double> PredictProbabilities(Table data);
}
