namespace Gangway.Features;

/// <summary>How <see cref="ImputingEstimator"/> chooses the value that replaces a missing one (scikit-learn SimpleImputer's <c>strategy</c>).</summary>
public enum ImputationStrategy
{
    /// <summary>The mean of the non-missing values (numeric columns only).</summary>
    Mean,

    /// <summary>The median of the non-missing values (numeric columns only).</summary>
    Median,

    /// <summary>The most frequent non-missing value; ties go to the smallest value (numeric order, or ordinal string order).</summary>
    MostFrequent,

    /// <summary>A fixed value given by the spec author.</summary>
    Constant,
}
