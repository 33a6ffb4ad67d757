using Gangway.Stores;

namespace Gangway.Server.Hosting;

/// <summary>
/// Decides whether <c>POST /admin/promote</c> may point an alias at a version. The seam where promotion gates plug in;
/// the default is <see cref="SelfCheckPromotion"/>. Implementations are called one promotion at a time per request.
/// </summary>
internal interface IPromotionCheck
{
    /// <summary>Checks <paramref name="candidate"/> for <paramref name="alias"/>; <paramref name="store"/> is open for the call only.</summary>
    PromotionReport Check(IModelStore store, ModelVersionRecord candidate, string alias);
}

/// <summary>What a promotion check found.</summary>
/// <param name="Passed">Whether the version may be promoted.</param>
/// <param name="Checks">One line per check, passed or not.</param>
internal sealed record PromotionReport(bool Passed, IReadOnlyList<string> Checks)
{
    /// <summary>The checks as one line, for the audit log.</summary>
    public string Summary => string.Join(" ", Checks);
}
