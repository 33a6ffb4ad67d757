// The service on its own: dotnet run --project src/Gangway.Server -- --Gangway:Model titanic.gwb
// (or --model titanic.gwb, --model titanic@champion, or the environment variable Gangway__Model).
using Gangway.Server;
using Gangway.Store.PostgreSql;
using Gangway.Store.Sqlite;
using Gangway.Stores;

var model = ModelArgument.Find(args);
var stores = new StoreCatalog().Add(new SqliteStoreProvider()).Add(new PostgreSqlStoreProvider());
await GangwayServer.Build(args, model, stores: stores).RunAsync().ConfigureAwait(false);
