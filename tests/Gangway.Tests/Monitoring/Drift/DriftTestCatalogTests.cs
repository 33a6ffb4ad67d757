using Gangway.Monitoring.Drift;

namespace Gangway.Tests.Monitoring.Drift;

public class DriftTestCatalogTests
{
    [Fact]
    public void Names_ListsTheBuiltIns()
    {
        Assert.Equal(["ks", "wasserstein", "psi", "chi2", "jensen_shannon"], DriftTestCatalog.Names);
    }

    [Fact]
    public void Get_Misspelt_ListsTheNamesAndSuggestsTheClosest()
    {
        var error = Assert.Throws<GangwayException>(() => DriftTestCatalog.Get("wasserstien"));

        Assert.Equal(ErrorKind.InvalidConfiguration, error.Kind);
        Assert.Contains("ks, wasserstein, psi, chi2, jensen_shannon", error.Message, StringComparison.Ordinal);
        Assert.Contains("Did you mean 'wasserstein'?", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void NamesFor_Kinds_SplitTestsByWhatTheyCompare()
    {
        Assert.Equal(["ks", "wasserstein", "psi", "jensen_shannon"], DriftTestCatalog.NamesFor(DriftColumnKind.Numeric));
        Assert.Equal(["psi", "chi2", "jensen_shannon"], DriftTestCatalog.NamesFor(DriftColumnKind.Categorical));
    }
}
