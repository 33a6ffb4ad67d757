using Gangway.Bundles;
using Gangway.Tests.Bundles;
using Gangway.Tests.Training;
using Gangway.Training;
using Gangway.Upsell;

namespace Gangway.Tests.Scoring;

/// <summary>titanic.yaml (<c>upsell.monotone: true</c>) with every prepared column, trained on train.csv once per test class.</summary>
public sealed class MonotoneTitanic
{
    public MonotoneTitanic()
    {
        using var temp = new TempDirectory();
        File.Copy(Path.Combine(TitanicFiles.Folder, "titanic.schema.yaml"), temp.File("titanic.schema.yaml"));
        // Many records' unconstrained probabilities fall moving up, so the projection has work to do.
        var spec = TitanicFiles.WidestCandidateSpecText();
        Assert.Contains("columns: [Name]\n", spec, StringComparison.Ordinal);
        Assert.Contains("monotone: true", spec, StringComparison.Ordinal);
        Bundle = new ModelTrainer(new FixedTimeProvider(TitanicFiles.TrainedAt)).Train(temp.Write("monotone.yaml", spec), TitanicFiles.Train);
        Model = Assert.IsType<MonotoneTierTransformer>(Bundle.Model);
    }

    public ModelBundle Bundle { get; }

    public MonotoneTierTransformer Model { get; }
}
