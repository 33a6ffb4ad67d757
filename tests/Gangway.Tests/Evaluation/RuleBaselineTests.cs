using Gangway.Data;
using Gangway.Evaluation;

namespace Gangway.Tests.Evaluation;

public class RuleBaselineTests
{
    [Fact]
    public void PredictProbabilities_TextColumn_OneWhereEqualZeroElseAndWhenMissing()
    {
        var table = new Table(new TextColumn("Sex", ["female", "male", null, "Female"]));

        var probabilities = new RuleBaseline("women_survive", "Sex", "female").PredictProbabilities(table);

        Assert.Equal([1.0, 0.0, 0.0, 0.0], probabilities);
    }

    [Fact]
    public void PredictProbabilities_NumericColumn_ComparesInvariantTextForm()
    {
        var table = new Table(new NumericColumn("Pclass", [1, 2, double.NaN, 1]));

        var probabilities = new RuleBaseline("first_class", "Pclass", "1").PredictProbabilities(table);

        Assert.Equal([1.0, 0.0, 0.0, 1.0], probabilities);
    }

    [Fact]
    public void PredictProbabilities_MissingColumn_ThrowsListingColumns()
    {
        var table = new Table(new TextColumn("Name", ["a"]));

        var error = Assert.Throws<GangwayException>(() => new RuleBaseline("rule", "Sex", "female").PredictProbabilities(table));

        Assert.Equal("Could not find column 'Sex'. Columns present: Name.", error.Message);
    }

    [Fact]
    public void Constructor_EmptyColumn_Throws()
    {
        Assert.Throws<GangwayException>(() => new RuleBaseline("rule", " ", "female"));
    }
}
