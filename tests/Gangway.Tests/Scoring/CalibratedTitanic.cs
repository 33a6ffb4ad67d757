using Gangway.Bundles;
using Gangway.Tests.Bundles;
using Gangway.Tests.Training;
using Gangway.Training;

namespace Gangway.Tests.Scoring;

/// <summary>titanic.yaml trained on train.csv as it is and with <c>calibration: platt</c> and <c>isotonic</c>, once per test class.</summary>
public sealed class CalibratedTitanic : IDisposable
{
    private readonly TempDirectory _folder = new();

    public CalibratedTitanic()
    {
        var trainer = new ModelTrainer(new FixedTimeProvider(TitanicFiles.TrainedAt));
        File.Copy(Path.Combine(TitanicFiles.Folder, "titanic.schema.yaml"), _folder.File("titanic.schema.yaml"));
        var spec = File.ReadAllText(TitanicFiles.TitanicSpec);
        Uncalibrated = trainer.Train(TitanicFiles.TitanicSpec, TitanicFiles.Train);
        PlattSpec = _folder.Write("platt.yaml", spec + "\ncalibration: platt\n");
        Platt = trainer.Train(PlattSpec, TitanicFiles.Train);
        Isotonic = trainer.Train(_folder.Write("isotonic.yaml", spec + "\ncalibration: isotonic\n"), TitanicFiles.Train);
    }

    public ModelBundle Uncalibrated { get; }

    public ModelBundle Platt { get; }

    public string PlattSpec { get; }

    public ModelBundle Isotonic { get; }

    public ModelBundle Get(string method) => method == "platt" ? Platt : Isotonic;

    public void Dispose() => _folder.Dispose();
}
