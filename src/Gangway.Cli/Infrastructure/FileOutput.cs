using System.Text;

namespace Gangway.Cli.Infrastructure;

/// <summary>
/// Writes a command's output where an <c>--out</c> (or <c>--rejects</c>) value points, never destroying what is there:
/// <list type="bullet">
/// <item><c>-</c> is standard output.</item>
/// <item>A regular file, or a path that does not exist yet: written to a temporary file in the same folder and renamed
/// over the target only when complete, so a failure or Ctrl+C leaves the old file (or none), never a partial one.</item>
/// <item>A character device (<c>/dev/null</c>, a terminal) or a named pipe: written straight to, never replaced.</item>
/// <item>A symbolic link: the rules apply to the file it points at; the link itself stays.</item>
/// </list>
/// A missing folder, a folder, a block device or a socket is an error before anything is written; folders are never created.
/// </summary>
internal static class FileOutput
{
    /// <summary>The value that means standard output.</summary>
    public const string StandardOutput = "-";

    public static readonly Encoding Utf8 = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false);

    /// <summary>For reading: invalid UTF-8 is an error (reported by the CSV reader), never silently replaced.</summary>
    public static readonly Encoding StrictUtf8 = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    private const int BufferBytes = 1 << 16;

    /// <summary>How logs name the destination: the path as given, or "standard output".</summary>
    public static string Describe(string path) => path == StandardOutput ? "standard output" : path;

    /// <summary>Fails now, before the work, if <paramref name="path"/> cannot be written (see the class summary).</summary>
    /// <exception cref="GangwayException">NotFound for a missing folder; InvalidInput for a folder, block device or socket.</exception>
    public static void Check(string path)
    {
        if (path != StandardOutput)
        {
            _ = Resolve(path);
        }
    }

    /// <summary>
    /// <see cref="Check"/> for an optional <c>--out</c> of a command that also has <c>--json</c>, and refuses the two
    /// together when both would write the JSON to standard output.
    /// </summary>
    /// <exception cref="GangwayException">As <see cref="Check"/>; InvalidConfiguration for <c>--json</c> with <c>--out -</c>.</exception>
    public static void CheckJsonOutput(string? path, bool json)
    {
        if (path is null)
        {
            return;
        }

        Check(path);
        if (path == StandardOutput && json)
        {
            throw new GangwayException(ErrorKind.InvalidConfiguration, "--json and --out - both write the JSON to standard output: give one of them.");
        }
    }

    /// <summary>Writes text (UTF-8, no byte order mark) and returns what <paramref name="write"/> returns.</summary>
    public static T WriteText<T>(string path, TextWriter standardOutput, Func<TextWriter, T> write)
    {
        if (path == StandardOutput)
        {
            var written = write(standardOutput);
            standardOutput.Flush();
            return written;
        }

        return Write(path, durable: false, stream =>
        {
            using var writer = new StreamWriter(stream, Utf8, BufferBytes, leaveOpen: true);
            var result = write(writer);
            writer.Flush();
            return result;
        });
    }

    public static void WriteText(string path, TextWriter standardOutput, string text) =>
        WriteText(path, standardOutput, writer =>
        {
            writer.Write(text);
            return true;
        });

    /// <summary>Writes bytes to a file (flushed to disk before the rename), a device or a pipe; never to standard output.</summary>
    public static void WriteBytes(string path, byte[] content) =>
        Write(path, durable: true, stream =>
        {
            stream.Write(content);
            return true;
        });

    private static T Write<T>(string path, bool durable, Func<Stream, T> write)
    {
        var (inPlace, target) = Resolve(path);
        if (inPlace)
        {
            using var device = new FileStream(target, FileMode.Open, FileAccess.Write, FileShare.ReadWrite, BufferBytes);
            return write(device);
        }

        var temporary = TemporaryOutputs.Create(Path.GetDirectoryName(target)!, Path.GetFileName(target));
        var committed = false;
        try
        {
            T result;
            using (var stream = new FileStream(temporary, FileMode.Open, FileAccess.Write, FileShare.ReadWrite | FileShare.Delete, BufferBytes))
            {
                result = write(stream);
                stream.Flush(flushToDisk: durable);
            }

            TemporaryOutputs.Commit(temporary, target);
            committed = true;
            return result;
        }
        finally
        {
            if (!committed)
            {
                TemporaryOutputs.Discard(temporary);
            }
        }
    }

    // In place: a device or pipe, written through the path as given. Otherwise the file to rename over: the final
    // target of a symbolic link, so the link stays a link.
    private static (bool InPlace, string Target) Resolve(string path)
    {
        var full = Path.GetFullPath(path);
        switch (FileKinds.Of(full))
        {
            case FileKind.CharacterDevice or FileKind.Fifo:
                return (true, full);
            case FileKind.RegularFile:
                return (false, FinalTarget(full));
            case FileKind.Missing:
                var target = FinalTarget(full);
                var folder = Path.GetDirectoryName(target)!;
                if (!Directory.Exists(folder))
                {
                    throw new GangwayException(ErrorKind.NotFound, $"Cannot write '{path}': folder '{folder}' does not exist (create it first).");
                }

                return (false, target);
            case FileKind.Directory:
                throw new GangwayException(ErrorKind.InvalidInput, $"Cannot write '{path}': it is a folder; give a file name.");
            default:
                throw new GangwayException(ErrorKind.InvalidInput, $"Cannot write '{path}': it is neither a file, a character device nor a named pipe.");
        }
    }

    private static string FinalTarget(string full)
    {
        var file = new FileInfo(full);
        return file.LinkTarget is null ? full : file.ResolveLinkTarget(returnFinalTarget: true)!.FullName;
    }
}
