using Gangway.Bundles;
using Gangway.Tests.Bundles;
using Gangway.Training;

namespace Gangway.Tests.Training;

/// <summary>Trains the two Titanic example specs on train.csv once per test class that uses it.</summary>
public sealed class TrainedTitanic
{
    public TrainedTitanic()
    {
        var trainer = new ModelTrainer(new FixedTimeProvider(TitanicFiles.TrainedAt));
        Titanic = trainer.Train(TitanicFiles.TitanicSpec, TitanicFiles.Train);
        Baseline = trainer.Train(TitanicFiles.BaselineSpec, TitanicFiles.Train);
    }

    /// <summary>titanic.yaml: gradient-boosted trees on engineered features.</summary>
    public ModelBundle Titanic { get; }

    /// <summary>baseline.yaml: a random forest on Pclass and Sex (one_hot with unknown: error).</summary>
    public ModelBundle Baseline { get; }
}
