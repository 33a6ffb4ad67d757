using System.Diagnostics;
using System.Globalization;
using CsCheck;

namespace Gangway.Tests.Fuzzing;

/// <summary>
/// Runs a property over inputs drawn from a CsCheck generator with a fixed seed, so CI sees the same cases every run,
/// within an iteration count and a time budget. <c>GANGWAY_FUZZ_ITERATIONS</c>, <c>GANGWAY_FUZZ_SECONDS</c> and
/// <c>GANGWAY_FUZZ_SEED</c> make a longer or different run (see bench/README.md). A failure names the case number, the
/// seed and the input, to be turned into a named regression test.
/// </summary>
internal static class Fuzz
{
    public const ulong DefaultSeed = 20261207;

    private const int DefaultSeconds = 5;

    public static ulong Seed => ulong.TryParse(Environment.GetEnvironmentVariable("GANGWAY_FUZZ_SEED"), CultureInfo.InvariantCulture, out var seed) ? seed : DefaultSeed;

    /// <summary>
    /// Up to <paramref name="iterations"/> inputs (or the environment's count), while the time budget lasts; the time the
    /// caller spends on each input counts, so an asynchronous property can loop over them.
    /// </summary>
    public static IEnumerable<(int Case, T Input)> Cases<T>(Gen<T> gen, int iterations)
    {
        var count = Setting("GANGWAY_FUZZ_ITERATIONS", iterations);
        var budget = TimeSpan.FromSeconds(Setting("GANGWAY_FUZZ_SECONDS", DefaultSeconds));
        var random = new PCG(1, Seed);
        var clock = Stopwatch.StartNew();
        for (var i = 0; i < count && clock.Elapsed < budget; i++)
        {
            yield return (i, gen.Generate(random, null, out _));
        }
    }

    /// <summary>Checks <paramref name="property"/> on the <see cref="Cases"/>; a failure names the case, the seed and the input.</summary>
    public static void Check<T>(Gen<T> gen, int iterations, Action<T> property, Func<T, string> show)
    {
        foreach (var (i, input) in Cases(gen, iterations))
        {
            try
            {
                property(input);
            }
            catch (Exception ex)
            {
                var shown = show(input);
                throw new Xunit.Sdk.XunitException(
                    $"Fuzz case {i} (seed {Seed}) failed with {ex.GetType().Name}: {ex.Message}\nInput ({shown.Length} chars): {(shown.Length > 2000 ? shown[..2000] + "…" : shown)}\n{ex}");
            }
        }
    }

    private static int Setting(string name, int fallback) =>
        int.TryParse(Environment.GetEnvironmentVariable(name), CultureInfo.InvariantCulture, out var value) && value > 0 ? value : fallback;
}
