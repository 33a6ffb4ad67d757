using System.Globalization;

namespace Gangway.Learners;

/// <summary>Range checks for learner hyperparameters, with messages that use the spec (snake_case) names.</summary>
internal static class HyperparameterRules
{
    public static void AtLeast(string learner, string name, double value, double minimum)
    {
        if (!(value >= minimum) || !double.IsFinite(value))
        {
            throw Invalid(learner, name, value, $"must be at least {Format(minimum)}");
        }
    }

    public static void Positive(string learner, string name, double value)
    {
        if (!(value > 0) || !double.IsFinite(value))
        {
            throw Invalid(learner, name, value, "must be greater than 0");
        }
    }

    public static void Fraction(string learner, string name, double value)
    {
        if (!(value > 0 && value <= 1))
        {
            throw Invalid(learner, name, value, "must be greater than 0 and at most 1");
        }
    }

    private static GangwayException Invalid(string learner, string name, double value, string rule) =>
        new(ErrorKind.InvalidConfiguration, $"Learner '{learner}' hyperparameter '{name}' {rule}; got {Format(value)}.");

    private static string Format(double value) => value.ToString("R", CultureInfo.InvariantCulture);
}
