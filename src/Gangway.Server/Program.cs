// The service on its own: dotnet run --project src/Gangway.Server -- --Gangway:Model titanic.gwb
// (or --model titanic.gwb, or the environment variable Gangway__Model).
using Gangway.Server;

var model = ModelArgument.Find(args);
await GangwayServer.Build(args, model).RunAsync().ConfigureAwait(false);
