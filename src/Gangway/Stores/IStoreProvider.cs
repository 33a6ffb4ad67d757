namespace Gangway.Stores;

/// <summary>Opens stores of one kind, recognised by their URI (e.g. <c>sqlite:</c>, <c>postgresql://</c>).</summary>
public interface IStoreProvider
{
    /// <summary>The URI forms this provider opens, for help and error messages (e.g. <c>sqlite:&lt;path&gt;</c>).</summary>
    IReadOnlyList<string> UriForms { get; }

    /// <summary>Whether <paramref name="uri"/> names a store of this kind.</summary>
    bool CanOpen(string uri);

    /// <summary>Opens (creating when needed) and migrates the store.</summary>
    /// <exception cref="GangwayException">The store cannot be reached or opened, or its schema is newer than this Gangway.</exception>
    Task<IStore> OpenAsync(string uri, CancellationToken cancellationToken);
}
