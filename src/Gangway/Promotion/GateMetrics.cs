using Gangway.Evaluation;
using Gangway.Specs;

namespace Gangway.Promotion;

/// <summary>Looks up the metrics promotion gates name: the scalars of <see cref="Metrics"/> and the group rates of fairness gates.</summary>
internal static class GateMetrics
{
    public static double? Scalar(Metrics metrics, string name) =>
        Metrics.Scalars.FirstOrDefault(s => s.Name == name).Value is { } value
            ? value(metrics)
            : throw Unknown(name, Metrics.Scalars.Select(s => s.Name));

    /// <summary>A fairness metric of one group's rows, or null when it is undefined for them (a rate over no rows).</summary>
    public static double? Group(Metrics metrics, string name)
    {
        var m = metrics.ConfusionMatrix;
        return name switch
        {
            "true_positive_rate" => Rate(m.TruePositives, m.TruePositives + m.FalseNegatives),
            "false_positive_rate" => Rate(m.FalsePositives, m.FalsePositives + m.TrueNegatives),
            "positive_rate" => Rate(m.TruePositives + m.FalsePositives, metrics.Rows),
            "accuracy" => Rate(m.TruePositives + m.TrueNegatives, metrics.Rows),
            _ => throw Unknown(name, PromotionSpec.FairnessMetrics),
        };
    }

    /// <summary>Why a group has no value of <paramref name="name"/>, for reports.</summary>
    public static string Undefined(string name) => name switch
    {
        "true_positive_rate" => "no positives",
        "false_positive_rate" => "no negatives",
        "roc_auc" => "one class only",
        _ => "no rows",
    };

    private static double? Rate(int count, int of) => of == 0 ? null : (double)count / of;

    private static GangwayException Unknown(string name, IEnumerable<string> known) =>
        new(ErrorKind.InvalidConfiguration, $"Promotion gate metric '{name}' is not known; known metrics: {string.Join(", ", known)}.");
}
