using Gangway.Server.Hosting;
using Gangway.Server.Serving;

namespace Gangway.Server.Records;

/// <summary>What every record-taking endpoint does first: read the body in any accepted format and check the contract.</summary>
internal static class RecordRequest
{
    /// <summary>Reads the body (JSON in any accepted shape, or CSV) into the model's input schema.</summary>
    /// <exception cref="GangwayException">The body cannot be read (<see cref="ErrorKind.Unreadable"/>), is too large or has the wrong media type.</exception>
    public static async Task<RecordBatch> ReadAsync(HttpRequest request, Served served, ServerOptions settings, CancellationToken cancellationToken)
    {
        var csv = RequestBody.IsCsv(request);
        using var body = await RequestBody.ReadAsync(request, settings.MaxBodyBytes, cancellationToken).ConfigureAwait(false);
        return Read(body.Memory, csv, served, settings);
    }

    /// <summary>Reads a body already in memory (JSON in any accepted shape, or CSV) into the model's input schema.</summary>
    /// <exception cref="GangwayException">The body cannot be read (<see cref="ErrorKind.Unreadable"/>).</exception>
    public static RecordBatch Read(ReadOnlyMemory<byte> body, bool csv, Served served, ServerOptions settings) =>
        csv ? CsvRecords.Read(body, served) : JsonRecords.Read(body, served, settings);

    /// <summary>
    /// The reading problems plus every contract violation of the batch, by record; empty when all records are valid.
    /// An id column a record does not give is not checked.
    /// </summary>
    public static IReadOnlyList<RecordError> Check(RecordBatch batch, Served served)
    {
        var errors = batch.Errors;
        if (served.Check is { } check)
        {
            var ids = batch.IdsGiven;
            foreach (var violation in check.Check(batch.Table, (row, column) => ids.IsGiven(served.Schema.IndexOf(column), row)).Errors)
            {
                var record = batch.RecordOf(violation.Row!.Value);
                errors.Add(new RecordError(record, violation.Column, violation.RuleName, violation.Value, violation.Describe($"record {record}")));
            }
        }

        return errors.Count == 0 ? errors : [.. errors.OrderBy(e => e.Record ?? -1)];
    }
}
