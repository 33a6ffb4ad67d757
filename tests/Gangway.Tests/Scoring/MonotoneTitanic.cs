using Gangway.Bundles;
using Gangway.Tests.Bundles;
using Gangway.Tests.Training;
using Gangway.Training;
using Gangway.Upsell;

namespace Gangway.Tests.Scoring;

/// <summary>titanic.yaml trained on train.csv with <c>upsell.monotone: true</c>, once per test class.</summary>
public sealed class MonotoneTitanic
{
    public MonotoneTitanic()
    {
        using var temp = new TempDirectory();
        File.Copy(Path.Combine(TitanicFiles.Folder, "titanic.schema.yaml"), temp.File("titanic.schema.yaml"));
        var spec = File.ReadAllText(TitanicFiles.TitanicSpec).Replace("  threshold: 0.05\n", "  threshold: 0.05\n  monotone: true\n", StringComparison.Ordinal);
        Assert.Contains("monotone: true", spec, StringComparison.Ordinal);
        Bundle = new ModelTrainer(new FixedTimeProvider(TitanicFiles.TrainedAt)).Train(temp.Write("monotone.yaml", spec), TitanicFiles.Train);
        Model = Assert.IsType<MonotoneTierTransformer>(Bundle.Model);
    }

    public ModelBundle Bundle { get; }

    public MonotoneTierTransformer Model { get; }
}
