namespace Gangway.OnlineEvaluation;

/// <summary>
/// How many predictions a variant made, for a report whose observations are only the records with feedback
/// (<see cref="OnlineReport.ComputeAsync"/>): the source of <see cref="VariantMetrics.Predictions"/>.
/// </summary>
/// <param name="Variant">The variant's name, as the observations name it.</param>
/// <param name="IsShadow">Whether the variant is a shadow.</param>
/// <param name="Predictions">The number of predictions it made.</param>
public sealed record VariantCount(string Variant, bool IsShadow, long Predictions);
