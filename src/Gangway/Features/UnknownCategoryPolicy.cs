namespace Gangway.Features;

/// <summary>
/// What <see cref="OneHotEncodingTransformer"/> does with a category it did not see at fit, or a missing value
/// (scikit-learn OneHotEncoder's <c>handle_unknown</c>).
/// </summary>
public enum UnknownCategoryPolicy
{
    /// <summary>Fail with a <see cref="GangwayException"/> that names the column, the row, the value and the known categories.</summary>
    Error,

    /// <summary>Set every output column of that source column to 0 for that row (scikit-learn's <c>'ignore'</c>).</summary>
    AllZeros,
}
