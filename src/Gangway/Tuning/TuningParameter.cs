namespace Gangway.Tuning;

/// <summary>One spec parameter a tuning grid varies, with the values to try.</summary>
/// <param name="Path">
/// What it sets: <c>seed</c>, <c>learner.&lt;argument&gt;</c>, <c>features.&lt;step&gt;.&lt;argument&gt;</c> (a feature
/// step by its catalog name when the spec has one step of that name) or <c>features[i].&lt;argument&gt;</c> (by position, from 0).
/// </param>
/// <param name="Values">The values to try, in file order, as read: strings, lists or maps (like step arguments in a spec).</param>
public sealed record TuningParameter(string Path, IReadOnlyList<object?> Values);
