using System.CommandLine;
using System.Globalization;
using System.Text.Json.Nodes;
using Gangway.Cli.Infrastructure;
using Spectre.Console;

namespace Gangway.Cli.Commands.Models;

/// <summary><c>gangway models list</c>: registered models with their latest version and aliases.</summary>
internal static class ModelsListCommand
{
    public static Command Create(CliHost host)
    {
        var json = JsonOption.Create();
        var command = new Command("list", "List registered models, their latest version and aliases.") { json };
        command.SetAction((parse, cancellationToken) => host.ExecuteAsync(parse, async context =>
        {
            var models = await (await context.OpenStoreAsync(cancellationToken)).Registry.ListModelsAsync(cancellationToken);
            if (parse.GetValue(json))
            {
                context.Output.WriteLine(new JsonArray([.. models.Select(m => (JsonNode)StoreJson.Model(m))]).ToJsonString());
                return ExitCodes.Success;
            }

            var table = new Table().AddColumns("model", "latest version", "aliases", "registered since (UTC)");
            foreach (var model in models)
            {
                table.AddRow(
                    Markup.Escape(model.Name),
                    model.LatestVersion.ToString(CultureInfo.InvariantCulture),
                    Markup.Escape(string.Join(", ", model.Aliases.OrderBy(a => a.Key, StringComparer.Ordinal).Select(a => $"{a.Key} → {a.Value}"))),
                    model.CreatedAt.UtcDateTime.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture));
            }

            context.Console.Write(table);
            return ExitCodes.Success;
        }, cancellationToken));
        return command;
    }
}
