namespace Gangway.Tuning;

/// <summary>How a tuning grid chooses its candidates.</summary>
public enum SearchKind
{
    /// <summary>Every combination of the parameter values, like scikit-learn's GridSearchCV.</summary>
    Grid,

    /// <summary>A seeded sample of the combinations, without repeats, like scikit-learn's RandomizedSearchCV over lists.</summary>
    Random,
}
