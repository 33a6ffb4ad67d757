using Gangway.Data;
using Gangway.Pipelines;
using ML = Microsoft.ML;

namespace Gangway.Learners;

/// <summary>
/// The fit logic shared by Gangway's ML.NET binary classifiers: checks the label and features, trains the ML.NET learner
/// deterministically for <see cref="BinaryClassifierOptions.Seed"/> (one thread), and returns a <see cref="BinaryClassifierTransformer"/>.
/// </summary>
public abstract class BinaryClassifierEstimator : IEstimator<BinaryClassifierTransformer>
{
    private protected BinaryClassifierEstimator(BinaryClassifierOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        Options = options;
    }

    /// <summary>The label, positive class, features and seed.</summary>
    public BinaryClassifierOptions Options { get; }

    /// <summary>The learner's name in <see cref="GangwayCatalog.Learners"/>, e.g. <c>fast_tree</c>.</summary>
    public abstract string Learner { get; }

    /// <inheritdoc />
    /// <exception cref="GangwayException">
    /// The data is empty; the label is missing somewhere, does not have exactly two values or lacks the positive class;
    /// a feature is missing, holds text or has a missing value; or ML.NET cannot train on the data.
    /// </exception>
    public BinaryClassifierTransformer Fit(Table data)
    {
        ArgumentNullException.ThrowIfNull(data);
        data.RequireRows($"fit learner '{Learner}'");
        var featureNames = LearnerFeatures.Resolve(data, Options, Learner);
        var features = LearnerFeatures.Columns(data, featureNames);
        var (label, isPositive) = BinaryLabel.Learn(data, Options.LabelColumn, Options.PositiveClass);

        var rows = new LearnerInput[data.RowCount];
        for (var row = 0; row < rows.Length; row++)
        {
            rows[row] = new LearnerInput(features.Length) { Label = isPositive[row] };
            LearnerFeatures.ReadRow(features, row, rows[row].Features);
        }

        var context = new ML.MLContext(Options.Seed);
        var trainingData = context.Data.LoadFromEnumerable(rows, LearnerInput.SchemaFor(features.Length));
        ML.ITransformer model;
        try
        {
            model = CreateTrainer(context).Fit(trainingData);
        }
        catch (Exception ex) when (ex is InvalidOperationException or ArgumentException)
        {
            throw new GangwayException(ErrorKind.InvalidInput, $"Learner '{Learner}' could not train on the data: {ex.Message}", ex);
        }

        return new BinaryClassifierTransformer(Learner, label, featureNames, Options.Seed, context, model, trainingData.Schema);
    }

    /// <summary>
    /// The ML.NET trainer (with calibration if the learner does not produce probabilities), reading
    /// <see cref="LearnerInput.FeaturesColumn"/> and <see cref="LearnerInput.LabelColumn"/> and producing a <c>Probability</c> column.
    /// It must use one thread and <see cref="BinaryClassifierOptions.Seed"/> so that training is reproducible.
    /// </summary>
    private protected abstract ML.IEstimator<ML.ITransformer> CreateTrainer(ML.MLContext context);
}
