using System.Globalization;
using BenchmarkDotNet.Running;
using Gangway.Benchmarks;

// Usage: dotnet run -c Release --project bench/Gangway.Benchmarks -- --filter '*'
//        dotnet run -c Release --project bench/Gangway.Benchmarks -- profile-evaluate model.gwb data.csv [resamples]
//        dotnet run -c Release --project bench/Gangway.Benchmarks -- log-append <store uri> [records] [batch size]
if (args is ["log-append", var store, ..])
{
    await PredictionLogAppend.RunAsync(
        store,
        args.Length > 2 ? int.Parse(args[2], CultureInfo.InvariantCulture) : 500_000,
        args.Length > 3 ? int.Parse(args[3], CultureInfo.InvariantCulture) : 5_000);
    return;
}

if (args is ["profile-evaluate", var model, var data, ..])
{
    EvaluateProfile.Run(model, data, args.Length > 3 ? int.Parse(args[3], CultureInfo.InvariantCulture) : 1000);
    return;
}

BenchmarkSwitcher.FromAssembly(typeof(TitanicModels).Assembly).Run(args, new QuickConfig());
