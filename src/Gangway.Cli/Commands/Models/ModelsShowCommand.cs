using System.CommandLine;
using System.Globalization;
using System.Text.Json.Nodes;
using Gangway.Cli.Infrastructure;
using Spectre.Console;

namespace Gangway.Cli.Commands.Models;

/// <summary><c>gangway models show &lt;name&gt;</c>: a model's versions and the aliases on them.</summary>
internal static class ModelsShowCommand
{
    public static Command Create(CliHost host)
    {
        var name = ModelsCommand.NameArgument();
        var json = JsonOption.Create();
        var command = new Command("show", "Show a model's versions (newest first) and which aliases point at them.") { name, json };
        command.SetAction(parse => host.Execute(parse, context =>
        {
            var model = ModelsCommand.Find(context, parse.GetValue(name)!);
            var versions = context.Store.ListVersions(model.Name);
            IEnumerable<string> AliasesOf(int version) => model.Aliases.Where(a => a.Value == version).Select(a => a.Key).Order(StringComparer.Ordinal);
            if (parse.GetValue(json))
            {
                var result = StoreJson.Model(model);
                result["versions"] = new JsonArray([.. versions.Select(v => (JsonNode)StoreJson.Version(v, AliasesOf(v.Version)))]);
                context.Output.WriteLine(result.ToJsonString());
                return ExitCodes.Success;
            }

            var table = new Table().Title(Markup.Escape(model.Name)).AddColumns("version", "aliases", "run", "registered (UTC)", "by", "sha256");
            foreach (var version in versions)
            {
                table.AddRow(
                    version.Version.ToString(CultureInfo.InvariantCulture),
                    Markup.Escape(string.Join(", ", AliasesOf(version.Version))),
                    version.RunId[..12],
                    version.CreatedAt.UtcDateTime.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture),
                    Markup.Escape(version.CreatedBy),
                    version.Sha256[..12]);
            }

            context.Console.Write(table);
            return ExitCodes.Success;
        }));
        return command;
    }
}
