using System.Globalization;
using BenchmarkDotNet.Running;
using Gangway.Benchmarks;

// Usage: dotnet run -c Release --project bench/Gangway.Benchmarks -- --filter '*'
//        dotnet run -c Release --project bench/Gangway.Benchmarks -- profile-evaluate model.gwb data.csv [resamples]
if (args is ["profile-evaluate", var model, var data, ..])
{
    EvaluateProfile.Run(model, data, args.Length > 3 ? int.Parse(args[3], CultureInfo.InvariantCulture) : 1000);
    return;
}

BenchmarkSwitcher.FromAssembly(typeof(TitanicModels).Assembly).Run(args, new QuickConfig());
