namespace Gangway.Evaluation;

/// <summary>The metrics of a reference model evaluated on the same rows as the classifier.</summary>
/// <param name="Name">The baseline's <see cref="IBaseline.Name"/>.</param>
/// <param name="Metrics">Its metrics.</param>
public sealed record BaselineMetrics(string Name, Metrics Metrics);
