using Gangway.Bundles;
using Gangway.Training;

namespace Gangway.Server.Tests.PredictionLog;

/// <summary>
/// A small shadow model for <see cref="TwoModels.Titanic"/>, trained once per test class: a forest on Sex, Age and
/// Pclass, inputs in another order than titanic.yaml's (ids first, then Sex, Age, Pclass), whose contract warns about
/// an age over 60 where titanic's allows up to 120. Its bundle file is <see cref="Path"/>.
/// </summary>
public sealed class ReorderedShadow : IDisposable
{
    private readonly string _folder = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "gangway-server-tests-" + Guid.NewGuid().ToString("N"));

    public ReorderedShadow()
    {
        Directory.CreateDirectory(_folder);
        // Beside the originals, so the spec finds its contract and the contract reads as titanic's does.
        var name = $"titanic-reordered-{Guid.NewGuid():N}";
        var schema = TitanicService.TestFile(name + ".schema.yaml");
        var spec = TitanicService.TestFile(name + ".yaml");
        var contract = File.ReadAllText(TitanicService.TestFile("titanic.schema.yaml"));
        const string Age = "    max: 120\n    max_missing_rate: 0.3\n    warn: [max_missing_rate]";
        Assert.Contains(Age, contract, StringComparison.Ordinal);
        File.WriteAllText(schema, contract.Replace(Age, "    max: 60\n    max_missing_rate: 0.3\n    warn: [max_missing_rate, max]", StringComparison.Ordinal));
        File.WriteAllText(spec, $"""
            name: titanic-reordered
            description: A forest on sex, age and class, inputs in another order than titanic.yaml's.
            schema: {name}.schema.yaml
            target:
              column: Survived
              positive: "1"
            ids:
              PassengerId: numeric
            inputs:
              Sex: text
              Age: numeric
              Pclass: numeric
            features:
              - step: impute
                columns: [Age]
                strategy: median
              - step: one_hot
                columns: [Sex]
                unknown: error
            learner:
              type: fast_forest
              trees: 20
            seed: 42
            """);
        try
        {
            Path = System.IO.Path.Combine(_folder, "reordered.gwb");
            BundleWriter.Write(new ModelTrainer().Train(spec, TitanicService.TestFile("train.csv")), Path);
        }
        finally
        {
            File.Delete(spec);
            File.Delete(schema);
        }
    }

    /// <summary>The bundle file.</summary>
    public string Path { get; }

    public void Dispose() => Directory.Delete(_folder, recursive: true);
}
