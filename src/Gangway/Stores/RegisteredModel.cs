namespace Gangway.Stores;

/// <summary>A registered model: its versions are listed by <see cref="IModelRegistry.ListVersionsAsync"/>.</summary>
/// <param name="Name">The name.</param>
/// <param name="CreatedAt">When its first version was registered.</param>
/// <param name="LatestVersion">The highest version number.</param>
/// <param name="Aliases">Each alias and the version it points at.</param>
public sealed record RegisteredModel(string Name, DateTimeOffset CreatedAt, int LatestVersion, IReadOnlyDictionary<string, int> Aliases);
