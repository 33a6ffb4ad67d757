// The reference point for the service benchmarks: Kestrel answering POST /predict with a constant, reading the body
// like the real service does, with the same slim builder and nothing else.
var builder = WebApplication.CreateSlimBuilder(args);
builder.Logging.ClearProviders();
var app = builder.Build();
app.MapPost("/predict", async (HttpRequest request) =>
{
    using var reader = new StreamReader(request.Body);
    await reader.ReadToEndAsync().ConfigureAwait(false);
    return Results.Text("""{"predictions":[{"prediction":0,"probability":0.5}]}""", "application/json");
});
await app.RunAsync().ConfigureAwait(false);
