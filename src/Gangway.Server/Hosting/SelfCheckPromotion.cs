using Gangway.Stores;

namespace Gangway.Server.Hosting;

/// <summary>
/// The promotion check used until promotion gates are connected: the candidate must be a bundle this service can load
/// and that scores its own example rows, so an alias is never moved to a version the service would refuse to swap in.
/// </summary>
internal sealed class SelfCheckPromotion(TimeProvider time) : IPromotionCheck
{
    public PromotionReport Check(IModelStore store, ModelVersionRecord candidate, string alias)
    {
        try
        {
            var served = ServedLoader.Load(RegistryBundles.Materialize(store, candidate), null, time.GetUtcNow());
            return new PromotionReport(true, [$"Version {candidate.Reference} loads and scores its {served.Bundle.Examples.RowCount} example rows."]);
        }
        catch (GangwayException ex)
        {
            return new PromotionReport(false, [$"Version {candidate.Reference} cannot be served: {ex.Message}"]);
        }
    }
}
