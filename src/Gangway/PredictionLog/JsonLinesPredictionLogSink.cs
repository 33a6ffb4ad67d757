using System.Buffers;
using System.Globalization;
using System.Text.Json;

namespace Gangway.PredictionLog;

/// <summary>
/// Writes each batch as JSON Lines (<see cref="PredictionRecordJson"/>) to <c>{prefix}-yyyyMMdd-NNN.jsonl</c> in one folder:
/// a new file each UTC day or once the current one is past <see cref="JsonLinesLogOptions.MaxFileBytes"/> (checked before
/// each batch, so a file may pass it by one batch); when a file starts, all but the newest
/// <see cref="JsonLinesLogOptions.KeepFiles"/> are deleted. A batch is flushed to the operating system before the next.
/// </summary>
internal sealed class JsonLinesPredictionLogSink(string folder, JsonLinesLogOptions options, TimeProvider time) : IPredictionLogSink
{
    private const string Extension = ".jsonl";

    private readonly ArrayBufferWriter<byte> _buffer = new(1 << 16);
    private FileStream? _file;
    private string? _day;

    public async Task WriteAsync(IReadOnlyList<PredictionRecord> records, CancellationToken cancellationToken)
    {
        _buffer.Clear();
        using (var json = new Utf8JsonWriter(_buffer, new JsonWriterOptions { SkipValidation = true }))
        {
            foreach (var record in records)
            {
                PredictionRecordJson.Write(json, record);
                json.Flush();
                json.Reset();
                _buffer.Write("\n"u8);
            }
        }

        var file = CurrentFile();
        await file.WriteAsync(_buffer.WrittenMemory, cancellationToken);
        await file.FlushAsync(cancellationToken);
    }

    public async ValueTask DisposeAsync()
    {
        if (_file is not null)
        {
            await _file.DisposeAsync();
        }
    }

    private FileStream CurrentFile()
    {
        var day = time.GetUtcNow().UtcDateTime.ToString("yyyyMMdd", CultureInfo.InvariantCulture);
        if (_file is not null && _day == day && _file.Length < options.MaxFileBytes)
        {
            return _file;
        }

        _file?.Dispose();
        _file = null;
        Directory.CreateDirectory(folder);
        var number = NumbersOf(day).DefaultIfEmpty(0).Max();
        var path = PathOf(day, Math.Max(number, 1));
        if (File.Exists(path) && new FileInfo(path).Length >= options.MaxFileBytes)
        {
            path = PathOf(day, number + 1);
        }

        _file = new FileStream(path, FileMode.Append, FileAccess.Write, FileShare.Read);
        _day = day;
        DeleteOldFiles();
        return _file;
    }

    private string PathOf(string day, int number) =>
        Path.Combine(folder, $"{options.FilePrefix}-{day}-{number.ToString("000", CultureInfo.InvariantCulture)}{Extension}");

    private IEnumerable<int> NumbersOf(string day) =>
        Directory.EnumerateFiles(folder, $"{options.FilePrefix}-{day}-*{Extension}")
            .Select(path => Path.GetFileNameWithoutExtension(path)[(options.FilePrefix.Length + 10)..])
            .Select(text => int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var n) ? n : 0);

    // Names sort by day then number (the number is zero-padded), so the oldest come first.
    private void DeleteOldFiles()
    {
        var files = Directory.EnumerateFiles(folder, $"{options.FilePrefix}-*{Extension}").Order(StringComparer.Ordinal).ToList();
        foreach (var old in files.Take(Math.Max(0, files.Count - options.KeepFiles)))
        {
            File.Delete(old);
        }
    }
}
