namespace Gangway.Server;

/// <summary>Finds <c>--model &lt;path&gt;</c> among the program's arguments, so the service and <c>gangway serve</c> take the same flag.</summary>
internal static class ModelArgument
{
    public static string? Find(string[] args)
    {
        var at = Array.IndexOf(args, "--model");
        return at >= 0 && at + 1 < args.Length ? args[at + 1] : null;
    }
}
