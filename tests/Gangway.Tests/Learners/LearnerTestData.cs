using System.Globalization;
using System.Text;
using Gangway.Data;
using Gangway.Learners;
using Gangway.Pipelines;

namespace Gangway.Tests.Learners;

/// <summary>Small tables for learner tests: Titanic as numbers, and synthetic sets a learner must get right.</summary>
internal static class LearnerTestData
{
    public static readonly string[] LearnerNames = ["fast_tree", "light_gbm", "fast_forest", "logistic_regression"];

    public static TheoryData<string> Learners => [.. LearnerNames];

    public static BinaryClassifierOptions TitanicOptions(int seed = 0) =>
        new("Survived", "1") { ExcludedColumns = ["PassengerId"], Seed = seed };

    public static BinaryClassifierEstimator Create(string learner, BinaryClassifierOptions options) => learner switch
    {
        "fast_tree" => new FastTreeBinaryEstimator(options),
        "light_gbm" => new LightGbmBinaryEstimator(options),
        "fast_forest" => new FastForestBinaryEstimator(options),
        "logistic_regression" => new LbfgsLogisticRegressionEstimator(options),
        _ => throw new ArgumentOutOfRangeException(nameof(learner)),
    };

    /// <summary>Titanic with PassengerId, Survived, Pclass, Sex (female = 1), SibSp, Parch, Fare; rows without Fare dropped.</summary>
    public static Table Titanic(string file = "train.csv")
    {
        var lines = File.ReadAllLines(Path.Combine(AppContext.BaseDirectory, "TestData", "titanic", file));
        var header = SplitCsv(lines[0]);
        string[] numeric = ["PassengerId", "Survived", "Pclass", "SibSp", "Parch", "Fare"];
        var values = numeric.Concat(["Sex"]).ToDictionary(n => n, _ => new List<double>());
        foreach (var line in lines.Skip(1).Where(l => l.Length > 0))
        {
            var fields = SplitCsv(line);
            string Field(string name) => fields[Array.IndexOf(header, name)];
            if (Field("Fare").Length == 0)
            {
                continue;
            }

            foreach (var name in numeric)
            {
                values[name].Add(double.Parse(Field(name), CultureInfo.InvariantCulture));
            }

            values["Sex"].Add(Field("Sex") == "female" ? 1 : 0);
        }

        string[] order = ["PassengerId", "Survived", "Pclass", "Sex", "SibSp", "Parch", "Fare"];
        return new Table(order.Select(n => (Column)new NumericColumn(n, [.. values[n]])));
    }

    /// <summary>Rows whose label is "yes" exactly when x &gt; 0.5 (with a gap around 0.5), plus a noise column.</summary>
    public static Table Separable(int rows = 300, int seed = 1)
    {
        var random = new Random(seed);
        var x = new double[rows];
        var noise = new double[rows];
        var label = new string?[rows];
        for (var i = 0; i < rows; i++)
        {
            var positive = i % 2 == 0;
            x[i] = positive ? 0.6 + (0.4 * random.NextDouble()) : 0.4 * random.NextDouble();
            noise[i] = random.NextDouble();
            label[i] = positive ? "yes" : "no";
        }

        return new Table(new NumericColumn("x", x), new NumericColumn("noise", noise), new TextColumn("label", label));
    }

    public static BinaryClassifierOptions SeparableOptions(int seed = 0) => new("label", "yes") { Seed = seed };

    public static double[] Probabilities(Table table) => [.. table.GetNumeric(PredictionColumns.Probability).Values];

    public static ITransformer RoundTrip(ITransformer transformer) =>
        SavedModel.FromEntries(SavedModel.From(transformer).ToEntries()).Load();

    /// <summary>The area under the ROC curve: the chance a random positive scores above a random negative.</summary>
    public static double Auc(double[] scores, bool[] positive)
    {
        double wins = 0;
        long pairs = 0;
        for (var i = 0; i < scores.Length; i++)
        {
            for (var j = 0; j < scores.Length; j++)
            {
                if (positive[i] && !positive[j])
                {
                    pairs++;
                    wins += scores[i] > scores[j] ? 1 : scores[i] == scores[j] ? 0.5 : 0;
                }
            }
        }

        return wins / pairs;
    }

    private static string[] SplitCsv(string line)
    {
        var fields = new List<string>();
        var current = new StringBuilder();
        var quoted = false;
        for (var i = 0; i < line.Length; i++)
        {
            var c = line[i];
            if (c == '"' && quoted && i + 1 < line.Length && line[i + 1] == '"')
            {
                current.Append('"');
                i++;
            }
            else if (c == '"')
            {
                quoted = !quoted;
            }
            else if (c == ',' && !quoted)
            {
                fields.Add(current.ToString());
                current.Clear();
            }
            else
            {
                current.Append(c);
            }
        }

        fields.Add(current.ToString());
        return [.. fields];
    }
}
