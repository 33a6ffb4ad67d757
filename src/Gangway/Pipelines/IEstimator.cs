using Gangway.Data;

namespace Gangway.Pipelines;

/// <summary>
/// An unfitted step: it holds only hyperparameters and learns a <see cref="ITransformer"/> from data.
/// Like a scikit-learn estimator; <see cref="Fit"/> never changes the estimator and never keeps the data.
/// </summary>
public interface IEstimator
{
    /// <summary>Learns from <paramref name="data"/> and returns a new fitted transformer.</summary>
    /// <exception cref="GangwayException">A required column is missing, has the wrong type, or the data is empty.</exception>
    ITransformer Fit(Table data);
}

/// <summary>An estimator whose fitted transformer has a known type.</summary>
/// <typeparam name="TTransformer">The fitted transformer type.</typeparam>
public interface IEstimator<out TTransformer> : IEstimator
    where TTransformer : ITransformer
{
    /// <summary>Learns from <paramref name="data"/> and returns a new fitted transformer.</summary>
    /// <exception cref="GangwayException">A required column is missing, has the wrong type, or the data is empty.</exception>
    new TTransformer Fit(Table data);

    ITransformer IEstimator.Fit(Table data) => Fit(data);
}
