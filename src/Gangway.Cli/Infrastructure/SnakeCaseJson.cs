using System.Text;
using System.Text.Json.Nodes;

namespace Gangway.Cli.Infrastructure;

/// <summary>
/// Every <c>--json</c> output names its properties in snake_case. Documents the core writes in its own files' style
/// (a bundle's manifest in PascalCase, its schema and lineage in camelCase) are renamed here, on the way out, so the
/// files themselves keep their documented format.
/// </summary>
internal static class SnakeCaseJson
{
    /// <summary>A copy of <paramref name="node"/> with every property name, at every depth, in snake_case.</summary>
    /// <remarks>Only for documents whose property names are all names, never data (column names, parameter paths).</remarks>
    public static JsonNode? Keys(JsonNode? node) => node switch
    {
        JsonObject obj => new JsonObject([.. obj.Select(p => KeyValuePair.Create(Name(p.Key), Keys(p.Value)))]),
        JsonArray array => new JsonArray([.. array.Select(Keys)]),
        null => null,
        _ => node.DeepClone(),
    };

    /// <summary><c>FormatVersion</c> → <c>format_version</c>, <c>dataSha256</c> → <c>data_sha256</c>, <c>roc_auc</c> unchanged.</summary>
    public static string Name(string name)
    {
        var result = new StringBuilder(name.Length + 4);
        for (var i = 0; i < name.Length; i++)
        {
            var c = name[i];
            if (char.IsUpper(c))
            {
                var afterWord = i > 0 && (char.IsLower(name[i - 1]) || char.IsDigit(name[i - 1]));
                var endOfAcronym = i > 0 && char.IsUpper(name[i - 1]) && i + 1 < name.Length && char.IsLower(name[i + 1]);
                if (afterWord || endOfAcronym)
                {
                    result.Append('_');
                }

                result.Append(char.ToLowerInvariant(c));
            }
            else
            {
                result.Append(c);
            }
        }

        return result.ToString();
    }
}
