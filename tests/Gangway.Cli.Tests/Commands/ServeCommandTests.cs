using Gangway.Cli.Infrastructure;

namespace Gangway.Cli.Tests.Commands;

public sealed class ServeCommandTests
{
    [Fact]
    public void Serve_MissingBundle_ExitsNotFoundNamingTheFile()
    {
        var run = CliRun.Invoke("serve", "--model", "/nowhere/titanic.gwb");

        Assert.Equal(ExitCodes.NotFound, run.ExitCode);
        Assert.Contains("Model bundle '/nowhere/titanic.gwb' does not exist.", run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void Serve_BodyLimitTooSmall_ExitsWithTheConfigurationMessage()
    {
        using var workspace = new ExampleWorkspace();
        var bundle = workspace["titanic.gwb"];
        Assert.Equal(0, CliRun.Invoke("train", "--no-track", "--spec", workspace["titanic.yaml"], "--data", workspace["train.csv"], "--out", bundle).ExitCode);

        var run = CliRun.Invoke("serve", "--model", bundle, "--urls", "http://127.0.0.1:0", "--max-body-bytes", "10");

        Assert.Equal(ExitCodes.InvalidConfiguration, run.ExitCode);
        Assert.Contains("Gangway:MaxBodyBytes must be at least 1024; it is 10.", run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void Serve_RegistryReferenceNotRegistered_ExitsNotFoundNamingTheModelAndStore()
    {
        var database = Path.Combine(Path.GetTempPath(), "gangway-serve-" + Guid.NewGuid().ToString("N") + ".db");
        try
        {
            var run = CliRun.Invoke("serve", "--model", "titanic@champion", "--store", "sqlite:" + database, "--urls", "http://127.0.0.1:0");

            Assert.Equal(ExitCodes.NotFound, run.ExitCode);
            Assert.Contains($"Model 'titanic' is not registered in store 'sqlite:{database}'.", run.Error, StringComparison.Ordinal);
        }
        finally
        {
            foreach (var file in new[] { database, database + "-wal", database + "-shm" })
            {
                File.Delete(file);
            }
        }
    }

    [Fact]
    public void Serve_ModelAndDeployment_ExitsInvalidInputNamingBoth()
    {
        var run = CliRun.Invoke("serve", "--model", "titanic@champion", "--deployment", "titanic", "--urls", "http://127.0.0.1:0");

        Assert.Equal(ExitCodes.InvalidInput, run.ExitCode);
        Assert.Contains("Give --model ('titanic@champion') or --deployment ('titanic'), not both", run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void Serve_NeitherModelNorDeployment_ExitsInvalidInput()
    {
        var run = CliRun.Invoke("serve", "--urls", "http://127.0.0.1:0");

        Assert.Equal(ExitCodes.InvalidInput, run.ExitCode);
        Assert.Contains("Give --model", run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void Serve_DeploymentNotApplied_ExitsNotFoundNamingTheModelAndStore()
    {
        var database = Path.Combine(Path.GetTempPath(), "gangway-serve-" + Guid.NewGuid().ToString("N") + ".db");
        try
        {
            var run = CliRun.Invoke("serve", "--deployment", "titanic", "--store", "sqlite:" + database, "--urls", "http://127.0.0.1:0");

            Assert.Equal(ExitCodes.NotFound, run.ExitCode);
            Assert.Contains($"Model 'titanic' has no deployment in store 'sqlite:{database}'", run.Error, StringComparison.Ordinal);
        }
        finally
        {
            foreach (var file in new[] { database, database + "-wal", database + "-shm" })
            {
                File.Delete(file);
            }
        }
    }
}
