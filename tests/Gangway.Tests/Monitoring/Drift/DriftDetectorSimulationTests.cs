using Gangway.Data;
using Gangway.Monitoring;
using Gangway.Monitoring.Drift;
using Gangway.Tests.Training;
using Xunit.Abstractions;

namespace Gangway.Tests.Monitoring.Drift;

/// <summary>
/// The acceptance by simulation: bootstrap samples of the Titanic training data (drawn from the reference's own
/// distribution) are flagged at most at the documented false-alarm rate, and a shifted copy is flagged where shifted.
/// </summary>
public class DriftDetectorSimulationTests(ITestOutputHelper output)
{
    private static readonly string[] Columns = ["Pclass", "Sex", "Age", "SibSp", "Parch", "Fare", "Embarked"];
    private static readonly Table Train = CsvReader.ReadFile(TitanicFiles.Train).Select(Columns);
    private static readonly ExactDistributions Reference = ExactDistributions.Of(Train);

    [Fact]
    public void Compare_SmallSamplesFromTheReference_FlagEachColumnAtMostAtTheTestsLevel()
    {
        const int Repetitions = 300;
        var random = new Random(15);
        var alarms = Columns.ToDictionary(c => c, _ => 0);
        for (var i = 0; i < Repetitions; i++)
        {
            var report = DriftDetector.Compare(Reference, ExactDistributions.Of(Bootstrap(random, 200)));
            foreach (var column in report.Columns.Where(c => c.Drifted))
            {
                alarms[column.Column]++;
            }
        }

        output.WriteLine(string.Join(", ", alarms.Select(a => $"{a.Key}: {a.Value}/{Repetitions}")));

        // The tests' level is 5%; three binomial standard deviations of 300 draws allow for chance.
        var allowed = Repetitions * (0.05 + 3 * Math.Sqrt(0.05 * 0.95 / Repetitions));
        Assert.All(alarms, a => Assert.True(a.Value <= allowed, $"{a.Key} drifted in {a.Value} of {Repetitions} samples; at most {allowed:0} allowed."));
    }

    [Fact]
    public void Compare_LargeSamplesFromTheReference_NeverFlagAColumn()
    {
        var random = new Random(16);
        for (var i = 0; i < 30; i++)
        {
            var report = DriftDetector.Compare(Reference, ExactDistributions.Of(Bootstrap(random, 5_000)));

            Assert.Equal(["jensen_shannon", "wasserstein"], report.Columns.Select(c => c.Method).Distinct().Order(StringComparer.Ordinal));
            Assert.Empty(report.Columns.Where(c => c.Drifted).Select(c => c.Column));
        }
    }

    [Theory]
    [InlineData(200)]
    [InlineData(5_000)]
    public void Compare_OlderPassengersAndMostlyFirstClass_FlagsAgeAndPclass(int rows)
    {
        var random = new Random(17);
        var sample = Bootstrap(random, rows);
        var older = sample.GetNumeric("Age").Values.ToArray().Select(age => age + 15).ToArray();
        var pclass = sample.GetNumeric("Pclass").Values.ToArray().Select(c => random.NextDouble() < 0.7 ? 1 : c == 1 ? 3 : c).ToArray();
        var shifted = sample.With(new NumericColumn("Age", older), new NumericColumn("Pclass", pclass));

        var report = DriftDetector.Compare(Reference, ExactDistributions.Of(shifted));

        Assert.True(report["Age"].Drifted);
        Assert.True(report["Pclass"].Drifted);
        if (rows > DriftMethodRule.SmallSampleRows)
        {
            // The distances flag nothing else; at 200 rows each other column may still be a 5% false alarm.
            Assert.Equal(["Pclass", "Age"], report.Columns.Where(c => c.Drifted).Select(c => c.Column));
        }

        Assert.False(report.Drifted);
    }

    private static Table Bootstrap(Random random, int rows) => Train.Take([.. Enumerable.Range(0, rows).Select(_ => random.Next(Train.RowCount))]);
}
