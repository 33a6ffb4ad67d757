namespace Gangway.Server.Tests.PredictionLog;

/// <summary>A prediction log that cannot be opened stops the start with the reason, as a model that cannot load does.</summary>
public sealed class PredictionLogStartTests(TwoModels models) : IClassFixture<TwoModels>
{
    [Fact]
    public async Task Start_StoreCannotBeOpened_FailsWithTheStoresReason()
    {
        // The store's folder is a file: SQLite cannot create the database in it.
        var file = models.NewPath(".txt");
        await File.WriteAllTextAsync(file, "not a folder");
        var settings = new Dictionary<string, string?>
        {
            ["Gangway:Model"] = Path.Combine(models.Folder, "titanic.gwb"),
            ["Gangway:Store"] = "sqlite:" + Path.Combine(file, "gangway.db"),
            ["Gangway:PredictionLog"] = "store",
        };

        var error = await FailedStart.Of<GangwayException>(settings);

        Assert.Contains(file, error.Message, StringComparison.Ordinal);
    }
}
