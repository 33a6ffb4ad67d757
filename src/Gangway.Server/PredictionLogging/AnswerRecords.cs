using System.Runtime.CompilerServices;
using Gangway.Data;
using Gangway.PredictionLog;
using Gangway.Server.Serving;
using LogIds = Gangway.PredictionLog.PredictionIds;

namespace Gangway.Server.PredictionLogging;

/// <summary>
/// Builds the prediction-log records of an answer (and of a shadow's scoring of it) with the core's
/// <see cref="ScoredTableRecords"/>, so the service masks personal data and writes keys exactly as batch scoring does.
/// Used off the request path only. Thread-safe.
/// </summary>
internal sealed class AnswerRecords
{
    // One ScoredTableRecords per served model and source, forgotten with the model once it is no longer served.
    private readonly ConditionalWeakTable<Served, ScoredTableRecords> _predict = [];
    private readonly ConditionalWeakTable<Served, ScoredTableRecords> _upsell = [];

    /// <summary>The records of what <paramref name="answer"/> answered.</summary>
    /// <param name="answer">The answer.</param>
    /// <param name="scored">What the served model scored for the answer's input.</param>
    public IReadOnlyList<PredictionRecord> Served(ScoredAnswer answer, Table scored)
    {
        var ids = Array.ConvertAll(answer.Ids, LogIds.Format);
        return For(answer.Served, answer.Source).Of(
            answer.Input(), scored, answer.Time, ids, null, new AnswerDetails { RequestId = answer.RequestId, Variant = answer.Variant, LatencyMs = answer.LatencyMs });
    }

    /// <summary>The records of <paramref name="shadow"/>'s scoring of <paramref name="answer"/>'s input: new ids, the answer's ids as their answer ids.</summary>
    public IReadOnlyList<PredictionRecord> Shadow(ScoredAnswer answer, string shadow, Served model, Table input, Table scored, DateTimeOffset time, double latencyMs)
    {
        var answerIds = Array.ConvertAll(answer.Ids, LogIds.Format);
        var ids = Array.ConvertAll(Serving.PredictionIds.New(answer.Count, time), LogIds.Format);
        return For(model, answer.Source).Of(
            input, scored, time, ids, answerIds, new AnswerDetails { RequestId = answer.RequestId, Variant = shadow, IsShadow = true, LatencyMs = latencyMs });
    }

    private ScoredTableRecords For(Served served, string source) =>
        (source == PredictionSources.Upsell ? _upsell : _predict).GetValue(
            served, s => new ScoredTableRecords(s.Bundle, s.BundleHash, s.Source?.Version, source) { Model = ServedClasses.ModelName(s) });
}
