using Gangway.Pipelines;

namespace Gangway.Features;

/// <summary>One part of a <see cref="ColumnTransformerEstimator"/>: an estimator fitted on, and applied to, only some columns.</summary>
/// <param name="Name">The part's name, unique within the column transformer (used in messages and saved models).</param>
/// <param name="Estimator">The estimator (often a <see cref="PipelineEstimator"/>) that sees only <paramref name="Columns"/>.</param>
/// <param name="Columns">The input columns handed to the estimator, in order.</param>
public sealed record ColumnTransformerPart(string Name, IEstimator Estimator, IReadOnlyList<string> Columns);

/// <summary>One fitted part of a <see cref="ColumnTransformerTransformer"/>.</summary>
/// <param name="Name">The part's name.</param>
/// <param name="Transformer">What the part's estimator learned.</param>
/// <param name="Columns">The input columns handed to the transformer, in order.</param>
public sealed record FittedColumnTransformerPart(string Name, ITransformer Transformer, IReadOnlyList<string> Columns);
