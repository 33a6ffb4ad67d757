using Gangway.Monitoring.Drift;
using Gangway.Specs;

namespace Gangway.Tests.Specs;

public class MonitoringSpecReaderTests
{
    private const string Base = """
        name: demo
        target:
          column: Survived
          positive: "1"
        inputs:
          Pclass: numeric
          Age: numeric
          Sex: text
        learner:
          type: fast_tree

        """;

    [Fact]
    public void Read_DriftSection_ReadsShareMethodsAndThresholds()
    {
        var spec = ModelSpecReader.Parse(Base + """
            monitoring:
              drift:
                share: 0.3
                columns:
                  Age: { method: psi, threshold: 0.25 }
                  Sex: { method: chi2 }
                  probability: { threshold: 0.2 }
            """);

        var drift = spec.Monitoring!.Drift!;
        Assert.Equal(0.3, drift.Share);
        Assert.Equal(new ColumnDriftOptions("psi", 0.25), drift.Columns["Age"]);
        Assert.Equal(new ColumnDriftOptions("chi2"), drift.Columns["Sex"]);
        Assert.Equal(new ColumnDriftOptions(null, 0.2), drift.Columns["probability"]);
    }

    [Fact]
    public void Read_NoSection_LeavesMonitoringNull()
    {
        Assert.Null(ModelSpecReader.Parse(Base).Monitoring);
        Assert.Null(ModelSpecReader.ReadFile(Path.Combine("TestData", "titanic", "titanic.yaml")).Monitoring);
    }

    [Fact]
    public void Read_DriftWithoutShare_UsesHalf()
    {
        var spec = ModelSpecReader.Parse(Base + "monitoring: { drift: { columns: { Age: { method: ks } } } }\n");

        Assert.Equal(DriftOptions.DefaultShare, spec.Monitoring!.Drift!.Share);
    }

    [Theory]
    [InlineData("Agee: { method: ks }", "names column 'Agee'", "Did you mean 'Age'?")]
    [InlineData("Age: { method: kss }", "Unknown drift test 'kss'", "ks, wasserstein, psi, chi2, jensen_shannon")]
    [InlineData("Sex: { method: ks }", "'ks' compares numbers, but 'Sex' is text", "psi, chi2, jensen_shannon")]
    [InlineData("Age: { threshold: 0 }", "must be greater than 0; got 0", "threshold")]
    [InlineData("Age: { threshold: -1 }", "must be greater than 0", "threshold")]
    [InlineData("Age: { threshold: .inf }", "must be a number", "threshold")]
    [InlineData("Age: { metod: ks }", "metod", "method")]
    public void Read_InvalidColumn_ThrowsNamingTheKeyTheRuleAndTheValue(string column, string expected, string alsoExpected)
    {
        var error = Assert.Throws<GangwayException>(() => ModelSpecReader.Parse(Base + $"monitoring: {{ drift: {{ columns: {{ {column} }} }} }}\n"));

        Assert.Equal(ErrorKind.InvalidConfiguration, error.Kind);
        Assert.Contains(expected, error.Message, StringComparison.Ordinal);
        Assert.Contains(alsoExpected, error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("monitoring: { drift: { share: 1.5 } }", "must be a share of columns in (0, 1]; got 1.5")]
    [InlineData("monitoring: { drift: { share: 0 } }", "got 0")]
    [InlineData("monitoring: { drfit: {} }", "drfit")]
    public void Read_InvalidSection_Throws(string section, string expected)
    {
        var error = Assert.Throws<GangwayException>(() => ModelSpecReader.Parse(Base + section + "\n"));

        Assert.Contains(expected, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Write_ThenRead_KeepsTheSection()
    {
        var spec = ModelSpecReader.Parse(Base + """
            monitoring:
              drift:
                share: 0.25
                columns:
                  Age: { method: wasserstein, threshold: 0.15 }
                  Sex: { method: jensen_shannon }
            """);

        var read = ModelSpecReader.Parse(ModelSpecWriter.Write(spec));

        Assert.Equal(0.25, read.Monitoring!.Drift!.Share);
        Assert.Equal(spec.Monitoring!.Drift!.Columns.OrderBy(c => c.Key), read.Monitoring.Drift.Columns.OrderBy(c => c.Key));
        Assert.Equal(ModelSpecWriter.Write(spec), ModelSpecWriter.Write(read));
    }
}
