using Gangway.Data;
using Gangway.Features;
using Gangway.Learners;
using Gangway.Pipelines;

namespace Gangway.Tests;

/// <summary>The library example in README.md, kept compiling and working.</summary>
public class ReadmeExampleTests
{
    [Fact]
    public void ReadmeLibraryExample_FitsAndScoresTheTitanicData()
    {
        var train = Path.Combine("TestData", "titanic", "train.csv");
        var predict = Path.Combine("TestData", "titanic", "predict.csv");

        var pipeline = new PipelineEstimator(
            new TitleExtractingEstimator("Name", "Title"),
            new ImputingEstimator(["Age", "Fare"], ImputationStrategy.Median),
            new OneHotEncodingEstimator(["Sex", "Title"], UnknownCategoryPolicy.AllZeros),
            new FastTreeBinaryEstimator(new BinaryClassifierOptions("Survived", "1") { ExcludedColumns = ["PassengerId"], Seed = 42 }));

        PipelineTransformer model = pipeline.Fit(CsvReader.ReadFile(train));
        Table scored = model.Transform(CsvReader.ReadFile(predict));

        Assert.Equal(418, scored.RowCount);
        var probabilities = scored.GetNumeric(PredictionColumns.Probability).Values.ToArray();
        Assert.All(probabilities, p => Assert.InRange(p, 0, 1));
        Assert.Contains(probabilities, p => p > 0.5);
        Assert.Contains(probabilities, p => p < 0.5);
    }
}
