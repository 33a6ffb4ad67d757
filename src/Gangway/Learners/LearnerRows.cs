using Microsoft.ML.Data;

namespace Gangway.Learners;

/// <summary>The row ML.NET reads: a feature vector sized at run time and the label as positive/negative.</summary>
internal sealed class LearnerInput
{
    public const string FeaturesColumn = "Features";
    public const string LabelColumn = "Label";

    public LearnerInput(int featureCount) => Features = new float[featureCount];

    // ML.NET maps public fields by name; the vector size comes from SchemaFor.
    public float[] Features;

    public bool Label;

    /// <summary>The schema for <paramref name="featureCount"/> features (the class alone cannot say the vector size).</summary>
    public static SchemaDefinition SchemaFor(int featureCount)
    {
        var schema = SchemaDefinition.Create(typeof(LearnerInput));
        schema[FeaturesColumn].ColumnType = new VectorDataViewType(NumberDataViewType.Single, featureCount);
        return schema;
    }
}

/// <summary>The one output Gangway reads back from ML.NET: the calibrated probability of the positive class.</summary>
internal sealed class LearnerOutput
{
    public float Probability;
}
