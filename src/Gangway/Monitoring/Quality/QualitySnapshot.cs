using System.Text.Json;
using System.Text.Json.Nodes;

namespace Gangway.Monitoring.Quality;

/// <summary>What <see cref="QualityCounters"/> counted for one input field, with rates.</summary>
/// <param name="Field">The input field.</param>
/// <param name="Records">Records that had the field.</param>
/// <param name="Missing">Records whose value was missing.</param>
/// <param name="OutOfRange">Values below the contract's <c>min</c> or above its <c>max</c>.</param>
/// <param name="UnknownCategory">Values not among the contract's allowed <c>values</c>.</param>
/// <param name="NonFinite">Numeric values of ±infinity.</param>
public sealed record FieldQuality(string Field, long Records, long Missing, long OutOfRange, long UnknownCategory, long NonFinite)
{
    /// <summary><see cref="Missing"/> / <see cref="Records"/>, or null before the first record.</summary>
    public double? MissingRate => Rate(Missing);

    /// <summary><see cref="OutOfRange"/> / <see cref="Records"/>, or null before the first record.</summary>
    public double? OutOfRangeRate => Rate(OutOfRange);

    /// <summary><see cref="UnknownCategory"/> / <see cref="Records"/>, or null before the first record.</summary>
    public double? UnknownCategoryRate => Rate(UnknownCategory);

    private double? Rate(long count) => Records == 0 ? null : (double)count / Records;
}

/// <summary>The counts of a <see cref="QualityCounters"/> at one moment.</summary>
/// <param name="Records">Records counted.</param>
/// <param name="NonFiniteInputs">Numeric input values of ±infinity, over all fields.</param>
/// <param name="NonFiniteOutputs">Output values (probability, numeric prediction) that were NaN or ±infinity.</param>
/// <param name="Fields">Per input field, in the model's order.</param>
public sealed record QualitySnapshot(long Records, long NonFiniteInputs, long NonFiniteOutputs, IReadOnlyList<FieldQuality> Fields)
{
    private static readonly JsonSerializerOptions Indented = new() { WriteIndented = true };

    /// <summary>
    /// The snapshot as a JSON object (keys <c>records</c>, <c>non_finite_inputs</c>, <c>non_finite_outputs</c>,
    /// <c>fields</c>: an array of <c>field</c>, <c>records</c>, <c>missing</c>, <c>missing_rate</c>, <c>out_of_range</c>,
    /// <c>out_of_range_rate</c>, <c>unknown_category</c>, <c>unknown_category_rate</c>, <c>non_finite</c>); a rate
    /// without records is null.
    /// </summary>
    public JsonObject ToJsonObject() => new()
    {
        ["records"] = Records,
        ["non_finite_inputs"] = NonFiniteInputs,
        ["non_finite_outputs"] = NonFiniteOutputs,
        ["fields"] = new JsonArray([.. Fields.Select(f => (JsonNode)new JsonObject
        {
            ["field"] = f.Field,
            ["records"] = f.Records,
            ["missing"] = f.Missing,
            ["missing_rate"] = f.MissingRate,
            ["out_of_range"] = f.OutOfRange,
            ["out_of_range_rate"] = f.OutOfRangeRate,
            ["unknown_category"] = f.UnknownCategory,
            ["unknown_category_rate"] = f.UnknownCategoryRate,
            ["non_finite"] = f.NonFinite,
        })]),
    };

    /// <summary><see cref="ToJsonObject"/> as indented JSON text.</summary>
    public string ToJson() => ToJsonObject().ToJsonString(Indented);
}
