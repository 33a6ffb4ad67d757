using Gangway.Bundles;

namespace Gangway.Comparison;

/// <summary>One of the two models a <see cref="ModelComparison"/> compares.</summary>
/// <param name="Label">How reports and verdicts name the model, e.g. the file or registry reference the user gave.</param>
/// <param name="Bundle">The trained model.</param>
public sealed record ComparedModel(string Label, ModelBundle Bundle);
