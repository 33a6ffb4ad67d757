namespace Gangway.Monitoring.Drift;

/// <summary>A category of the current data that the reference does not itemise, and its share of the current present values.</summary>
/// <param name="Category">The category.</param>
/// <param name="Share">Its share of the current present values, in [0, 1].</param>
public sealed record NewCategory(string Category, double Share);
