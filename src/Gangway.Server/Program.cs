// The service on its own: dotnet run --project src/Gangway.Server -- --Gangway:Model titanic.gwb
// (or --model titanic.gwb, --model titanic@champion, or the environment variable Gangway__Model).
using Gangway.Hosting;
using Gangway.Server;

var model = ModelArgument.Find(args);
var stores = HostStores.Catalog();
await GangwayServer.Build(args, model, stores: stores).RunAsync().ConfigureAwait(false);
