using BenchmarkDotNet.Running;
using Gangway.Benchmarks;

// Usage: dotnet run -c Release --project bench/Gangway.Benchmarks -- --filter '*'
BenchmarkSwitcher.FromAssembly(typeof(TitanicModels).Assembly).Run(args, new QuickConfig());
