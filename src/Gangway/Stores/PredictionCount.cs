namespace Gangway.Stores;

/// <summary>How many predictions a variant of a model made: one row of <see cref="IPredictionLogStore.CountAsync"/>.</summary>
/// <param name="Variant">The deployment variant, or null for records that name none (or an empty one).</param>
/// <param name="IsShadow">Whether these are a shadow's records.</param>
/// <param name="Count">The number of records.</param>
public sealed record PredictionCount(string? Variant, bool IsShadow, long Count);
