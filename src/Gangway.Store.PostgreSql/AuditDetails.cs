using System.Text.Json.Nodes;
using Gangway.Stores;

namespace Gangway.Store.PostgreSql;

/// <summary>Builds the JSON of an audit entry's details: what changed, plus the change's notes under <c>notes</c>.</summary>
internal static class AuditDetails
{
    /// <summary>The JSON text of <paramref name="details"/> with <paramref name="change"/>'s notes added.</summary>
    public static string Of(JsonObject details, Change change)
    {
        if (change.Notes is { Count: > 0 } notes)
        {
            var noteObject = new JsonObject();
            foreach (var (key, value) in notes.OrderBy(n => n.Key, StringComparer.Ordinal))
            {
                noteObject[key] = value;
            }

            details["notes"] = noteObject;
        }

        return details.ToJsonString();
    }
}
