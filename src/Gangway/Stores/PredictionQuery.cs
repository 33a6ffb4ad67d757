namespace Gangway.Stores;

/// <summary>Which logged predictions to read; every filter is optional.</summary>
/// <param name="Model">Only this model's records.</param>
/// <param name="Since">Only records at or after this time.</param>
/// <param name="Until">Only records before this time.</param>
/// <param name="Variant">Only this deployment variant's records.</param>
public sealed record PredictionQuery(string? Model = null, DateTimeOffset? Since = null, DateTimeOffset? Until = null, string? Variant = null);
