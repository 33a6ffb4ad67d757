using Gangway.Server.Predict;

namespace Gangway.Server.Upsell;

/// <summary>The answer of <c>POST /upsell</c>: the model that answered and one result per record, in request order.</summary>
/// <param name="Model">The model's name and version.</param>
/// <param name="Results">
/// Per record: its id columns (when the model has any), <c>current_class</c>, <c>probabilities</c> (tier → probability for
/// the current tier and every higher one), <c>recommendation</c> and <c>best_upgrade</c> (each an <see cref="UpsellOffer"/>
/// or null) and <c>threshold</c>.
/// </param>
public sealed record UpsellResponse(ModelReference Model, IReadOnlyList<IReadOnlyDictionary<string, object?>> Results);

/// <summary>One upgrade: the tier, the model's probability in it and the gain over the record as it is.</summary>
/// <param name="Class">The higher tier, as written in the spec's <c>upsell.order</c>.</param>
/// <param name="Probability">The probability of the positive class in that tier.</param>
/// <param name="Gain">The probability minus the record's current probability.</param>
public sealed record UpsellOffer(string Class, double Probability, double Gain);
