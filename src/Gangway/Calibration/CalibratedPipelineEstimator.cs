using Gangway.Data;
using Gangway.Evaluation;
using Gangway.Learners;
using Gangway.Pipelines;

namespace Gangway.Calibration;

/// <summary>
/// A pipeline ending in a binary classifier whose probabilities are recalibrated without the calibrator ever seeing a row
/// the final model is judged on: the training rows are split into stratified folds; for each fold the whole pipeline is
/// fitted on the other folds and scores that fold; the calibrator is fitted on these out-of-fold probabilities; then the
/// pipeline is fitted on all training rows and the calibrator is attached to its learner, so every way of scoring the
/// model (tables, single rows, upsell counterfactuals) returns calibrated probabilities. Like scikit-learn's
/// CalibratedClassifierCV(cv=folds, ensemble=False). Fitting costs folds + 1 fits of the pipeline.
/// </summary>
public sealed class CalibratedPipelineEstimator : IEstimator<PipelineTransformer>
{
    /// <summary>The number of folds when none is given.</summary>
    public const int DefaultFolds = 5;

    /// <summary>Creates the estimator.</summary>
    /// <param name="pipeline">The pipeline to calibrate; its last step must fit a <see cref="BinaryClassifierTransformer"/>.</param>
    /// <param name="labelColumn">The label column (to stratify the folds and fit the calibrator).</param>
    /// <param name="positiveClass">The positive class, in invariant text form.</param>
    /// <param name="method">Platt scaling or isotonic regression.</param>
    /// <param name="folds">The number of stratified folds (default 5, at least 2).</param>
    /// <param name="seed">The seed of the fold assignment.</param>
    /// <exception cref="GangwayException">Fewer than 2 folds (<see cref="ErrorKind.InvalidConfiguration"/>).</exception>
    public CalibratedPipelineEstimator(PipelineEstimator pipeline, string labelColumn, string positiveClass, CalibrationMethod method, int folds = DefaultFolds, int seed = 0)
    {
        ArgumentNullException.ThrowIfNull(pipeline);
        ArgumentException.ThrowIfNullOrWhiteSpace(labelColumn);
        ArgumentException.ThrowIfNullOrEmpty(positiveClass);
        if (folds < 2)
        {
            throw new GangwayException(ErrorKind.InvalidConfiguration, $"Calibration needs at least 2 folds of the training data; got {folds}.");
        }

        Pipeline = pipeline;
        LabelColumn = labelColumn;
        PositiveClass = positiveClass;
        Method = method;
        Folds = folds;
        Seed = seed;
    }

    /// <summary>The pipeline that is calibrated.</summary>
    public PipelineEstimator Pipeline { get; }

    /// <summary>The label column.</summary>
    public string LabelColumn { get; }

    /// <summary>The positive class, in invariant text form.</summary>
    public string PositiveClass { get; }

    /// <summary>Platt scaling or isotonic regression.</summary>
    public CalibrationMethod Method { get; }

    /// <summary>The number of stratified folds the out-of-fold probabilities come from.</summary>
    public int Folds { get; }

    /// <summary>The seed of the fold assignment.</summary>
    public int Seed { get; }

    /// <inheritdoc />
    /// <exception cref="GangwayException">
    /// The data is empty, a class has fewer rows than there are folds, the pipeline does not end in a binary classifier,
    /// or fitting the pipeline fails.
    /// </exception>
    public PipelineTransformer Fit(Table data)
    {
        ArgumentNullException.ThrowIfNull(data);
        data.RequireRows("fit a calibrated model");
        var (_, actual) = BinaryLabel.Learn(data, LabelColumn, PositiveClass);
        int[] foldOf;
        try
        {
            foldOf = CrossValidation.FoldOf(data, LabelColumn, Folds, Seed);
        }
        catch (GangwayException ex)
        {
            throw new GangwayException(ex.Kind, $"Calibration fits on out-of-fold probabilities of the training data: {ex.Message}", ex);
        }

        var outOfFold = new double[data.RowCount];
        for (var fold = 0; fold < Folds; fold++)
        {
            var testRows = CrossValidation.RowsWhere(foldOf, f => f == fold);
            var model = Pipeline.Fit(data.Take(CrossValidation.RowsWhere(foldOf, f => f != fold)));
            RequireLearner(model);
            var probabilities = model.Transform(data.Take(testRows)).GetNumeric(PredictionColumns.Probability);
            for (var i = 0; i < testRows.Length; i++)
            {
                outOfFold[testRows[i]] = probabilities[i];
            }
        }

        ProbabilityCalibrator calibrator = Method switch
        {
            CalibrationMethod.Platt => PlattCalibration.Fit(outOfFold, actual),
            _ => IsotonicCalibration.Fit(outOfFold, actual),
        };
        var calibrated = outOfFold.Select(calibrator.Calibrate).ToArray();
        var fitted = new FittedCalibration(
            calibrator,
            Folds,
            data.RowCount,
            CalibrationTable.ExpectedError(actual, outOfFold),
            CalibrationTable.ExpectedError(actual, calibrated));

        var final = Pipeline.Fit(data);
        return new PipelineTransformer([.. final.Steps.Take(final.Steps.Count - 1), RequireLearner(final).WithCalibration(fitted)]);
    }

    private static BinaryClassifierTransformer RequireLearner(PipelineTransformer model) =>
        model.Steps[^1] as BinaryClassifierTransformer ?? throw new GangwayException(
            ErrorKind.InvalidConfiguration,
            $"Calibration needs a pipeline that ends in a binary classifier; its last step is '{model.Steps[^1].Kind}'.");
}
