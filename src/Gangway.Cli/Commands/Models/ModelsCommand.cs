using System.CommandLine;
using Gangway.Cli.Infrastructure;

namespace Gangway.Cli.Commands.Models;

/// <summary><c>gangway models</c>: the model registry.</summary>
internal static class ModelsCommand
{
    public static Command Create(CliHost host) => new("models", "The model registry: register runs as versions, promote versions to aliases, roll back.")
    {
        ModelsRegisterCommand.Create(host),
        ModelsListCommand.Create(host),
        ModelsShowCommand.Create(host),
        ModelsHistoryCommand.Create(host),
        ModelsPromoteCommand.Create(host),
        ModelsRollbackCommand.Create(host),
    };

    /// <summary>The model's name argument shared by the subcommands.</summary>
    public static Argument<string> NameArgument() => new("name") { Description = "The registered model's name." };

    /// <summary>The registered model, or a clear error.</summary>
    public static async Task<Gangway.Stores.RegisteredModel> FindAsync(Gangway.Stores.IStore store, string name, CancellationToken cancellationToken) =>
        await store.Registry.FindModelAsync(name, cancellationToken)
            ?? throw new GangwayException(ErrorKind.NotFound, $"Model '{name}' is not registered in store '{store.DisplayUri}'; 'gangway models list' shows the models.");

    public static Option<string?> ReasonOption(string description) => new("--reason") { Description = description };
}
