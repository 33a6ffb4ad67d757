using Gangway.Learners;
using Gangway.OnlineEvaluation;
using Gangway.Pipelines;

namespace Gangway.Server.Serving;

/// <summary>The class labels of a served binary classifier: what feedback labels must be, and what online metrics count as positive.</summary>
internal static class ServedClasses
{
    /// <summary>
    /// The model name the prediction log, feedback by key and deployments use: the registered model's name when it was
    /// resolved in the registry (a version may be a bundle trained under another name), else the bundle's.
    /// </summary>
    public static string ModelName(Served served) => served.Source?.Model ?? served.Bundle.Name;

    /// <summary>The negative then the positive class, or null when the model is not a binary classifier.</summary>
    public static IReadOnlyList<string>? Of(Served served) =>
        FittedSteps.Of(served.Bundle.Model) is [.., BinaryClassifierTransformer learner] ? [learner.NegativeClass, learner.PositiveClass] : null;

    /// <summary>Online metrics options whose positive and negative labels are the model's classes; defaults otherwise.</summary>
    public static OnlineMetricsOptions MetricsOptions(Served served) =>
        Of(served) is [var negative, var positive] ? new OnlineMetricsOptions { PositiveLabel = positive, NegativeLabel = negative } : new OnlineMetricsOptions();
}
