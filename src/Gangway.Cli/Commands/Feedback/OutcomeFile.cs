using System.Globalization;
using Gangway.Data;
using Gangway.Feedback;

namespace Gangway.Cli.Commands.Feedback;

/// <summary>The columns of an outcomes file that hold the key, the label and the reward.</summary>
internal sealed record OutcomeColumns(IReadOnlyList<string> Key, string? Label, string? Reward);

/// <summary>
/// Reads an outcomes CSV into feedback, every column as text so that nothing is lost to type inference: each row's key
/// values, its label (a missing cell: no label) and its reward (a number, or true/false as 1/0; a missing cell: no reward).
/// </summary>
internal static class OutcomeFile
{
    public static (List<(int Row, FeedbackInput Input)> Inputs, List<string> Errors) Read(string path, OutcomeColumns columns)
    {
        if (columns.Label is null && columns.Reward is null)
        {
            throw new GangwayException(ErrorKind.InvalidInput, "Give --label, --reward or both: the column(s) that hold what happened.");
        }

        if (columns.Key.Count == 0)
        {
            throw new GangwayException(ErrorKind.InvalidInput, "--key must name at least one column.");
        }

        List<string> wanted = [.. columns.Key, .. new[] { columns.Label, columns.Reward }.OfType<string>()];
        var table = CsvReader.ReadFile(path, new CsvReadOptions
        {
            Columns = wanted,
            ColumnTypes = wanted.Distinct(StringComparer.Ordinal).ToDictionary(name => name, _ => ColumnType.Text),
        });
        var keys = columns.Key.Select(table.GetText).ToList();
        var labels = columns.Label is null ? null : table.GetText(columns.Label);
        var rewards = columns.Reward is null ? null : table.GetText(columns.Reward);
        var inputs = new List<(int, FeedbackInput)>(table.RowCount);
        var errors = new List<string>();
        for (var row = 0; row < table.RowCount; row++)
        {
            double? reward = null;
            if (rewards?[row] is { } text)
            {
                reward = Reward(text);
                if (reward is null)
                {
                    errors.Add($"row {row + 1}: column '{columns.Reward}' (the reward) must be a number or true/false; it is '{text}'.");
                    continue;
                }
            }

            inputs.Add((row + 1, new FeedbackInput
            {
                Key = keys.ToDictionary(column => column.Name, column => (object?)column[row], StringComparer.Ordinal),
                Label = labels?[row],
                Reward = reward,
            }));
        }

        return (inputs, errors);
    }

    private static double? Reward(string text) =>
        text.Trim() is var trimmed && trimmed.Equals("true", StringComparison.OrdinalIgnoreCase) ? 1
        : trimmed.Equals("false", StringComparison.OrdinalIgnoreCase) ? 0
        : double.TryParse(trimmed, NumberStyles.Float, CultureInfo.InvariantCulture, out var number) && double.IsFinite(number) ? number
        : null;
}
