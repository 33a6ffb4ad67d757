using Gangway.Bundles;
using Gangway.Learners;
using Gangway.Scoring;
using Gangway.Server.Records;
using Gangway.Upsell;

namespace Gangway.Server.Serving;

/// <summary>
/// Reads a bundle file into a <see cref="Served"/> model: everything a request needs is prepared here, and the model
/// must first score its own example rows (<see cref="ModelBundle.Examples"/>) to finite probabilities.
/// </summary>
internal static class ServedLoader
{
    /// <summary>Loads and checks the bundle at <c>path</c>; <c>variant</c> is the deployment variant or shadow it serves as, or null.</summary>
    /// <exception cref="GangwayException">The bundle cannot be read or fails its self-check.</exception>
    public static Served Load(string path, RegistrySource? source, DateTimeOffset now, GangwayCatalog catalog, string? variant = null)
    {
        var bundle = BundleReader.Read(path, catalog);
        var hash = Hashing.Sha256File(path);
        var contract = bundle.InputContract();
        var check = contract is null ? null : new ContractCheck(contract);
        SelfCheck(bundle);
        var (upsell, noUpsell) = PrepareUpsell(bundle);
        return new Served(bundle, hash[..12], now, contract, check, PersonalDataMask.Of(contract), new RequestSchema(bundle.Schema), upsell, noUpsell, source, RowScorer.TryCreate(bundle, check?.Validator), variant)
        {
            BundleHash = hash,
        };
    }

    // A model without an upsell section still serves /predict; /upsell then answers 404 with this reason.
    private static (UpsellCalculator? Calculator, string? Reason) PrepareUpsell(ModelBundle bundle)
    {
        try
        {
            return (new UpsellCalculator(bundle), null);
        }
        catch (GangwayException ex) when (ex.Kind == ErrorKind.NotFound)
        {
            return (null, ex.Message);
        }
    }

    private static void SelfCheck(ModelBundle bundle)
    {
        var scored = bundle.Model.Transform(bundle.Examples);
        var probability = scored.GetNumeric(PredictionColumns.Probability).Values;
        if (scored.RowCount != bundle.Examples.RowCount || !AllFinite(probability))
        {
            throw new GangwayException(ErrorKind.CorruptArtifact, $"Model '{bundle.Name}' failed its self-check: its example rows did not score to finite probabilities.");
        }
    }

    private static bool AllFinite(ReadOnlySpan<double> values)
    {
        foreach (var value in values)
        {
            if (!double.IsFinite(value))
            {
                return false;
            }
        }

        return true;
    }
}
