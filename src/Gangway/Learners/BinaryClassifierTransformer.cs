using System.Text.Json.Nodes;
using Gangway.Calibration;
using Gangway.Data;
using Gangway.Pipelines;
using ML = Microsoft.ML;

namespace Gangway.Learners;

/// <summary>
/// A fitted binary classifier (any of the learners in <see cref="GangwayCatalog.Learners"/>): adds
/// <see cref="PredictionColumns.Probability"/> (of the positive class) and <see cref="PredictionColumns.Prediction"/>
/// (the class, in the label's own type) to a table. Like a fitted scikit-learn classifier's predict_proba and predict.
/// </summary>
/// <remarks>
/// With a <see cref="Calibration"/>, every probability it returns (tables and single rows alike) is the calibrated one,
/// and the predicted class follows it. Thread-safe. Tree ensembles are scored by a <see cref="CompiledTreeEnsemble"/>
/// built when the model is fitted or loaded (bit-identical to ML.NET, much faster per row); other models borrow an
/// ML.NET prediction engine from a pool for each call. The label column is not needed to transform. Probabilities are never NaN or infinite.
/// </remarks>
public sealed class BinaryClassifierTransformer : ITransformer
{
    /// <summary>The kind this transformer is saved under.</summary>
    public const string KindName = "binary_classifier";

    private const string ModelBlob = "mlnet";

    private readonly BinaryLabel _label;
    private readonly ML.MLContext _context;
    private readonly ML.ITransformer _model;
    private readonly ML.DataViewSchema _inputSchema;
    private readonly LearnerScorerPool _scorers;
    private readonly CompiledTreeEnsemble? _compiled;

    internal BinaryClassifierTransformer(
        string learner, BinaryLabel label, IReadOnlyList<string> featureColumns, int seed, ML.MLContext context, ML.ITransformer model, ML.DataViewSchema inputSchema, FittedCalibration? calibration = null)
    {
        Calibration = calibration;
        Learner = learner;
        _label = label;
        FeatureColumns = [.. featureColumns];
        Seed = seed;
        _context = context;
        _model = model;
        _inputSchema = inputSchema;
        _scorers = new LearnerScorerPool(context, model, FeatureColumns.Count);
        _compiled = CompiledTreeEnsemble.TryCreate(model, FeatureColumns.Count);
    }

    private BinaryClassifierTransformer(BinaryClassifierTransformer uncalibrated, FittedCalibration calibration)
    {
        Learner = uncalibrated.Learner;
        _label = uncalibrated._label;
        FeatureColumns = uncalibrated.FeatureColumns;
        Seed = uncalibrated.Seed;
        _context = uncalibrated._context;
        _model = uncalibrated._model;
        _inputSchema = uncalibrated._inputSchema;
        _scorers = uncalibrated._scorers;
        _compiled = uncalibrated._compiled;
        Calibration = calibration;
    }

    /// <summary>The learner that was fitted, as named in <see cref="GangwayCatalog.Learners"/> (e.g. <c>fast_tree</c>).</summary>
    public string Learner { get; }

    /// <summary>The label column the model was trained to predict (not needed to transform).</summary>
    public string LabelColumn => _label.Column;

    /// <summary>The label value whose probability is predicted, in invariant text form.</summary>
    public string PositiveClass => _label.Positive;

    /// <summary>The other label value, in invariant text form.</summary>
    public string NegativeClass => _label.Negative;

    /// <summary>Whether the label was numeric; if so <see cref="PredictionColumns.Prediction"/> is numeric too, else text.</summary>
    public bool LabelIsNumeric => _label.IsNumeric;

    /// <summary>The feature columns, in the order the model reads them.</summary>
    public IReadOnlyList<string> FeatureColumns { get; }

    /// <summary>The seed the model was trained with.</summary>
    public int Seed { get; }

    /// <summary>The calibrator applied to the learner's probabilities, or null when they are used as the learner gives them.</summary>
    public FittedCalibration? Calibration { get; }

    /// <inheritdoc />
    public string Kind => KindName;

    /// <summary>The ML.NET model (the saved form), for tests that compare with ML.NET's own scoring.</summary>
    internal ML.ITransformer MlNetModel => _model;

    /// <summary>Whether rows are scored by a compiled tree ensemble rather than an ML.NET prediction engine.</summary>
    internal bool IsCompiled => _compiled is not null;

    /// <summary>The same model with <paramref name="calibration"/> applied to its probabilities (replacing any it had).</summary>
    public BinaryClassifierTransformer WithCalibration(FittedCalibration calibration)
    {
        ArgumentNullException.ThrowIfNull(calibration);
        return new BinaryClassifierTransformer(this, calibration);
    }

    /// <inheritdoc />
    /// <exception cref="GangwayException">A feature column is missing, holds text, or has a missing or non-finite value.</exception>
    public Table Transform(Table data)
    {
        ArgumentNullException.ThrowIfNull(data);
        var columns = LearnerFeatures.Columns(data, FeatureColumns);
        var probabilities = new double[data.RowCount];
        if (_compiled is not null)
        {
            Span<float> features = columns.Length <= 256 ? stackalloc float[columns.Length] : new float[columns.Length];
            for (var row = 0; row < probabilities.Length; row++)
            {
                LearnerFeatures.ReadRow(columns, row, features);
                probabilities[row] = Finish(CheckedProbability(_compiled.Probability(features), row));
            }
        }
        else
        {
            ScoreWithEngine(columns, probabilities);
        }

        return data.With(
            new NumericColumn(PredictionColumns.Probability, probabilities),
            _label.Predict(PredictionColumns.Prediction, probabilities));
    }

    /// <summary>The slots of <paramref name="layout"/> holding the features, in model order; null when one is absent or text.</summary>
    internal int[]? FeatureSlots(RowLayout layout)
    {
        var slots = new int[FeatureColumns.Count];
        for (var i = 0; i < slots.Length; i++)
        {
            if (!layout.TryGet(FeatureColumns[i], ColumnType.Numeric, out slots[i]))
            {
                return null;
            }
        }

        return slots;
    }

    /// <summary>
    /// The probability of one row whose features are in <paramref name="featureSlots"/>, exactly as <see cref="Transform"/>
    /// computes it; false when a feature is missing or out of float range, or no probability results (the table path
    /// then reports it).
    /// </summary>
    internal bool TryScoreRow(RowValues row, int[] featureSlots, out double probability)
    {
        probability = double.NaN;
        Span<float> features = featureSlots.Length <= 256 ? stackalloc float[featureSlots.Length] : new float[featureSlots.Length];
        for (var i = 0; i < featureSlots.Length; i++)
        {
            features[i] = (float)row.Numbers[featureSlots[i]];
            if (!float.IsFinite(features[i]))
            {
                return false;
            }
        }

        float single;
        if (_compiled is not null)
        {
            single = _compiled.Probability(features);
        }
        else
        {
            var scorer = _scorers.Get();
            try
            {
                features.CopyTo(scorer.Input.Features);
                single = scorer.Predict();
            }
            finally
            {
                _scorers.Return(scorer);
            }
        }

        if (float.IsNaN(single))
        {
            return false;
        }

        probability = Finish(Math.Clamp(single, 0f, 1f));
        return true;
    }

    /// <summary>The predicted class of a probability, as <see cref="Transform"/> writes it: a number when the label is numeric, else a text.</summary>
    internal (double Number, string? Text) ClassOf(double probability) => _label.ClassOf(probability);

    /// <inheritdoc />
    public void Save(TransformerWriter writer)
    {
        ArgumentNullException.ThrowIfNull(writer);
        writer.State["learner"] = Learner;
        writer.State["label_column"] = LabelColumn;
        writer.State["positive_class"] = PositiveClass;
        writer.State["negative_class"] = NegativeClass;
        writer.State["label_is_numeric"] = LabelIsNumeric;
        writer.State["feature_columns"] = new JsonArray([.. FeatureColumns.Select(f => JsonValue.Create(f))]);
        writer.State["seed"] = Seed;
        if (Calibration is not null)
        {
            writer.State["calibration"] = Calibration.ToJson();
        }
        using var stream = new MemoryStream();
        _context.Model.Save(_model, _inputSchema, stream);
        writer.WriteBlob(ModelBlob, stream.ToArray());
    }

    internal static BinaryClassifierTransformer Load(TransformerReader reader)
    {
        var isNumeric = reader.Get<bool>("label_is_numeric");
        var positive = reader.GetString("positive_class");
        var negative = reader.GetString("negative_class");
        if (isNumeric && !(double.TryParse(positive, System.Globalization.CultureInfo.InvariantCulture, out _)
            && double.TryParse(negative, System.Globalization.CultureInfo.InvariantCulture, out _)))
        {
            throw reader.Corrupt("positive_class", "is not a number although the label is numeric");
        }

        var label = new BinaryLabel(reader.GetString("label_column"), positive, negative, isNumeric);
        var features = reader.Get<string[]>("feature_columns");
        var seed = reader.Get<int>("seed");
        var context = new ML.MLContext(seed);
        ML.ITransformer model;
        ML.DataViewSchema schema;
        try
        {
            using var stream = new MemoryStream(reader.ReadBlob(ModelBlob));
            model = context.Model.Load(stream, out schema);
        }
        catch (Exception ex) when (ex is InvalidOperationException or FormatException or IOException or InvalidDataException)
        {
            throw new GangwayException(ErrorKind.CorruptArtifact, $"Saved step '{reader.Kind}': the ML.NET model cannot be read: {ex.Message}", ex);
        }

        if (schema.GetColumnOrNull(LearnerInput.FeaturesColumn)?.Type is not ML.Data.VectorDataViewType { Size: var size } || size != features.Length)
        {
            throw reader.Corrupt("feature_columns", $"lists {features.Length} features but the ML.NET model expects a different number");
        }

        // Bundles saved before calibration existed have no entry and score exactly as they did.
        var calibration = reader.State["calibration"] switch
        {
            null => null,
            JsonObject saved => FittedCalibration.FromJson(saved, (key, problem) => reader.Corrupt($"calibration.{key}", problem)),
            _ => throw reader.Corrupt("calibration", "is not an object"),
        };
        return new BinaryClassifierTransformer(reader.GetString("learner"), label, features, seed, context, model, schema, calibration);
    }

    private void ScoreWithEngine(NumericColumn[] columns, double[] probabilities)
    {
        var scorer = _scorers.Get();
        try
        {
            for (var row = 0; row < probabilities.Length; row++)
            {
                LearnerFeatures.ReadRow(columns, row, scorer.Input.Features);
                probabilities[row] = Finish(CheckedProbability(scorer.Predict(), row));
            }
        }
        finally
        {
            _scorers.Return(scorer);
        }
    }

    // ML.NET computes probabilities as floats. Widened directly, 0.1f becomes 0.100000001490116; going through the
    // float's shortest decimal gives the double a person expects (0.1) and keeps every output file short and stable.
    private static double Widen(float value) => ShortestDecimal.Widen(value);

    // The calibrated probability is narrowed to a float and widened the same way, so outputs stay as short as before.
    private double Finish(float probability) => Calibration is null
        ? Widen(probability)
        : Widen((float)Math.Clamp(Calibration.Calibrator.Calibrate(Widen(probability)), 0, 1));

    private float CheckedProbability(float probability, int row) => float.IsNaN(probability)
        ? throw new GangwayException(ErrorKind.InvalidInput, $"Learner '{Learner}' could not compute a probability for row {row}; check its feature values for extreme magnitudes.", row, null)
        : Math.Clamp(probability, 0f, 1f);
}
