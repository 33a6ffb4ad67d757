using Gangway.Bundles;
using Gangway.Data;
using Gangway.Training;

namespace Gangway.Benchmarks;

/// <summary>Trains the example Titanic models from the repository's spec and data files.</summary>
internal static class TitanicModels
{
    /// <summary>The repository root: the nearest folder above the benchmark binaries that holds Gangway.slnx.</summary>
    public static string RepositoryRoot { get; } = FindRepositoryRoot();

    /// <summary>examples/titanic/data/{fileName}.</summary>
    public static string DataFile(string fileName) => Path.Combine(RepositoryRoot, "examples", "titanic", "data", fileName);

    /// <summary>Trains the spec examples/titanic/{specFileName} on train.csv.</summary>
    public static ModelBundle Train(string specFileName) =>
        new ModelTrainer().Train(Path.Combine(RepositoryRoot, "examples", "titanic", specFileName), DataFile("train.csv"));

    /// <summary>The first passenger of predict.csv as a one-row table of the model's inputs; with Ticket and Cabin too when asked, as a caller would send them anyway.</summary>
    public static Table Kelly(bool withExtraColumns) => new(
        [
            new NumericColumn("PassengerId", [892]),
            new NumericColumn("Pclass", [3]),
            new TextColumn("Name", ["Kelly, Mr. James"]),
            new TextColumn("Sex", ["male"]),
            new NumericColumn("Age", [34.5]),
            new NumericColumn("SibSp", [0]),
            new NumericColumn("Parch", [0]),
            new NumericColumn("Fare", [7.8292]),
            new TextColumn("Embarked", ["Q"]),
            .. withExtraColumns ? (Column[])[new TextColumn("Ticket", ["330911"]), new TextColumn("Cabin", [null])] : [],
        ]);

    private static string FindRepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Gangway.slnx")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException($"No folder above '{AppContext.BaseDirectory}' holds Gangway.slnx.");
    }
}
