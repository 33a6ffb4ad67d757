using Gangway.Bundles;
using Gangway.Data;
using Gangway.Tests.Bundles;

namespace Gangway.Tests.Training;

/// <summary>The Titanic example files copied to the test output folder, and small CSV helpers around them.</summary>
internal static class TitanicFiles
{
    public static readonly DateTimeOffset TrainedAt = new(2025, 3, 4, 5, 6, 7, TimeSpan.Zero);

    public static string Folder => Path.Combine(AppContext.BaseDirectory, "TestData", "titanic");

    public static string Train => Path.Combine(Folder, "train.csv");

    public static string Validation => Path.Combine(Folder, "validation.csv");

    public static string Predict => Path.Combine(Folder, "predict.csv");

    public static string TitanicSpec => Path.Combine(Folder, "titanic.yaml");

    public static string BaselineSpec => Path.Combine(Folder, "baseline.yaml");

    public static Table ReadValidation() => CsvReader.ReadFile(Validation);

    /// <summary>
    /// titanic.yaml as the widest candidate of grid.yaml: the trees also see age, fare and port, so the model gives
    /// nearly every passenger their own probability and many passengers' probabilities fall moving up a class.
    /// </summary>
    public static string WidestCandidateSpecText() =>
        File.ReadAllText(TitanicSpec).Replace("columns: [Name, Age, Fare, Embarked_C, Embarked_Q, Embarked_S]", "columns: [Name]", StringComparison.Ordinal);

    /// <summary>The lines of <paramref name="path"/> with <paramref name="change"/> applied, written to <paramref name="temp"/>.</summary>
    public static string Rewrite(TempDirectory temp, string path, string name, Func<string, int, string> change)
    {
        var lines = File.ReadAllLines(path).Select(change);
        return temp.Write(name, string.Join('\n', lines) + "\n");
    }
}

/// <summary>A progress sink that records reports synchronously (Progress&lt;T&gt; posts them later).</summary>
internal sealed class RecordingProgress<T> : IProgress<T>
{
    public List<T> Reports { get; } = [];

    public void Report(T value) => Reports.Add(value);
}
