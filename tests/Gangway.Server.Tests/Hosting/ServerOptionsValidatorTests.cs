using Gangway.Server.Hosting;
using Gangway.Stores;

namespace Gangway.Server.Tests.Hosting;

public sealed class ServerOptionsValidatorTests
{
    [Fact]
    public void Validate_RegistryReferenceWithStoreKinds_PassesWithoutAFile()
    {
        var result = new ServerOptionsValidator(new StoreCatalog()).Validate(null, new ServerOptions { Model = "titanic@champion" });

        Assert.True(result.Succeeded, result.FailureMessage);
    }

    [Fact]
    public void Validate_RegistryReferenceWithoutStoreKinds_SaysTheHostCannotResolveIt()
    {
        var result = new ServerOptionsValidator().Validate(null, new ServerOptions { Model = "titanic:3" });

        var failure = Assert.Single(result.Failures!);
        Assert.Equal("Gangway:Model 'titanic:3' is a registry reference, but this host registered no store kinds (StoreCatalog); serve a bundle file instead.", failure);
    }

    [Fact]
    public void Validate_DeploymentWithoutModel_Passes()
    {
        var result = new ServerOptionsValidator(new StoreCatalog()).Validate(null, new ServerOptions { Deployment = "titanic" });

        Assert.True(result.Succeeded, result.FailureMessage);
    }

    [Fact]
    public void Validate_ModelAndDeployment_SaysToSetOnlyOne()
    {
        var result = new ServerOptionsValidator(new StoreCatalog()).Validate(null, new ServerOptions { Model = "titanic@champion", Deployment = "titanic" });

        Assert.Equal(
            "Gangway:Model ('titanic@champion') and Gangway:Deployment ('titanic') are both set; a deployment names its models itself, so set only one.",
            Assert.Single(result.Failures!));
    }

    [Fact]
    public void Validate_MissingDeploymentFile_NamesTheFile()
    {
        var result = new ServerOptionsValidator(new StoreCatalog()).Validate(null, new ServerOptions { Deployment = "/nowhere/deployment.yaml" });

        Assert.Equal("Gangway:Deployment: the deployment file '/nowhere/deployment.yaml' does not exist.", Assert.Single(result.Failures!));
    }

    [Theory]
    [InlineData(0)]
    [InlineData(3601)]
    public void Validate_RefreshSecondsOutOfRange_NamesTheRange(int seconds)
    {
        var result = new ServerOptionsValidator(new StoreCatalog()).Validate(null, new ServerOptions { Model = "titanic@champion", RefreshSeconds = seconds });

        Assert.Equal($"Gangway:RefreshSeconds must be between 1 and 3600; it is {seconds}.", Assert.Single(result.Failures!));
    }

    [Theory]
    [InlineData(0, "0")]
    [InlineData(-0.5, "-0.5")]
    [InlineData(1.01, "1.01")]
    public void Validate_LogWriterShareOutOfRange_NamesTheRange(double share, string shown)
    {
        var result = new ServerOptionsValidator(new StoreCatalog()).Validate(null, new ServerOptions { Model = "titanic@champion", LogWriterShare = share });

        Assert.Equal($"Gangway:LogWriterShare must be above 0 and at most 1; it is {shown}.", Assert.Single(result.Failures!));
    }

    [Theory]
    [InlineData(0)]
    [InlineData(1_000_001)]
    public void Validate_AccessLogQueueSizeOutOfRange_NamesTheRange(int size)
    {
        var result = new ServerOptionsValidator(new StoreCatalog()).Validate(null, new ServerOptions { Model = "titanic@champion", AccessLogQueueSize = size });

        Assert.Equal($"Gangway:AccessLogQueueSize must be between 1 and 1000000; it is {size}.", Assert.Single(result.Failures!));
    }

    [Theory]
    [InlineData(4)]
    [InlineData(86_401)]
    public void Validate_OnlineMetricsSecondsOutOfRange_NamesTheRange(int seconds)
    {
        var result = new ServerOptionsValidator(new StoreCatalog()).Validate(null, new ServerOptions { Model = "titanic@champion", OnlineMetricsSeconds = seconds });

        Assert.Equal($"Gangway:OnlineMetricsSeconds must be between 5 and 86400; it is {seconds}.", Assert.Single(result.Failures!));
    }

    [Theory]
    [InlineData("", 0)]
    [InlineData("fifteen-chars-x", 15)]
    public void Validate_ShortAdminApiKey_SaysHowLongItMustBeWithoutShowingIt(string key, int length)
    {
        var result = new ServerOptionsValidator(new StoreCatalog()).Validate(null, new ServerOptions { Model = "titanic@champion", AdminApiKey = key });

        Assert.Equal($"Gangway:AdminApiKey must be at least 16 characters when set; it has {length}.", Assert.Single(result.Failures!));
    }

    [Fact]
    public void Validate_Defaults_RefreshEveryFiveSecondsWithoutAdminKey()
    {
        var options = new ServerOptions { Model = "titanic@champion" };

        Assert.True(new ServerOptionsValidator(new StoreCatalog()).Validate(null, options).Succeeded);
        Assert.Equal(5, options.RefreshSeconds);
        Assert.Null(options.AdminApiKey);
        Assert.Null(options.Store);
        Assert.Equal(("30d", 60), (options.LogRetention, options.OnlineMetricsSeconds));
    }

    [Theory]
    [InlineData("jsonl:", "Gangway:PredictionLog must be 'store', 'none' or 'jsonl:<folder>'; it is 'jsonl:'.")]
    [InlineData("file", "Gangway:PredictionLog must be 'store', 'none' or 'jsonl:<folder>'; it is 'file'.")]
    public void Validate_UnknownPredictionLog_NamesTheChoices(string setting, string message)
    {
        var result = new ServerOptionsValidator(new StoreCatalog()).Validate(null, new ServerOptions { Model = "titanic@champion", PredictionLog = setting });

        Assert.Equal(message, Assert.Single(result.Failures!));
    }

    [Fact]
    public void Validate_PredictionLogStoreWithoutStoreKinds_SaysTheHostCannotOpenIt()
    {
        var bundle = Path.GetTempFileName();
        try
        {
            var result = new ServerOptionsValidator().Validate(null, new ServerOptions { Model = bundle, PredictionLog = "store" });

            Assert.Equal(
                "Gangway:PredictionLog is 'store', but this host registered no store kinds (StoreCatalog); use 'none' or 'jsonl:<folder>'.", Assert.Single(result.Failures!));
            Assert.True(new ServerOptionsValidator().Validate(null, new ServerOptions { Model = bundle }).Succeeded);
        }
        finally
        {
            File.Delete(bundle);
        }
    }

    [Theory]
    [InlineData("0d")]
    [InlineData("forever")]
    [InlineData("30 days")]
    public void Validate_BadLogRetention_SaysWhatADurationIs(string retention)
    {
        var result = new ServerOptionsValidator(new StoreCatalog()).Validate(null, new ServerOptions { Model = "titanic@champion", LogRetention = retention });

        Assert.Equal(
            $"Gangway:LogRetention must be a duration such as 30d, 24h or 15m (a positive number and ms, s, m, h or d); it is '{retention}'.", Assert.Single(result.Failures!));
    }

    [Fact]
    public void Validate_QueueSizesOutOfRange_NameTheirRanges()
    {
        var result = new ServerOptionsValidator(new StoreCatalog()).Validate(null, new ServerOptions { Model = "titanic@champion", LogQueueSize = 0, ShadowQueueSize = 1_000_001 });

        Assert.Equal(
            ["Gangway:LogQueueSize must be between 1 and 10000000; it is 0.", "Gangway:ShadowQueueSize must be between 1 and 1000000; it is 1000001."], result.Failures!);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(1_000_001)]
    public void Validate_MonitoringQueueSizeOutOfRange_NamesTheRange(int size)
    {
        var result = new ServerOptionsValidator(new StoreCatalog()).Validate(null, new ServerOptions { Model = "titanic@champion", MonitoringQueueSize = size });

        Assert.Equal($"Gangway:MonitoringQueueSize must be between 1 and 1000000; it is {size}.", Assert.Single(result.Failures!));
    }

    [Fact]
    public void Validate_Defaults_MonitoringOnWithAQueueOfTenThousand()
    {
        var options = new ServerOptions { Model = "titanic@champion" };

        Assert.True(new ServerOptionsValidator(new StoreCatalog()).Validate(null, options).Succeeded);
        Assert.Equal((true, 10_000), (options.Monitoring, options.MonitoringQueueSize));
    }
}
