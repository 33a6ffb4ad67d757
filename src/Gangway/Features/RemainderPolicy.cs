namespace Gangway.Features;

/// <summary>What <see cref="ColumnTransformerEstimator"/> does with columns no part uses (scikit-learn ColumnTransformer's <c>remainder</c>).</summary>
public enum RemainderPolicy
{
    /// <summary>Keep them, unchanged, after the parts' outputs.</summary>
    Passthrough,

    /// <summary>Leave them out of the output.</summary>
    Drop,
}
