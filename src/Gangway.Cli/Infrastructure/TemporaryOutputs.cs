using System.Runtime.InteropServices;

namespace Gangway.Cli.Infrastructure;

/// <summary>
/// The temporary files of outputs being written, each renamed over its target when complete. While any exists, Ctrl+C
/// (SIGINT) and SIGTERM delete them and end the process with 130 and 143 (128 + the signal, as a shell reports a
/// process the signal ended), so a stopped command leaves neither a half-written target nor a hidden temporary file.
/// </summary>
/// <remarks>
/// The handlers are installed only while a temporary file exists, so the rest of the time (training, <c>serve</c>) a
/// signal keeps its usual meaning. Thread-safe: the handler runs on a thread of its own.
/// </remarks>
internal static class TemporaryOutputs
{
    private static readonly Lock Gate = new();
    private static readonly HashSet<string> Pending = [];
    private static PosixSignalRegistration[] _handlers = [];
    private static bool _terminating;

    /// <summary>Creates an empty temporary file in <paramref name="directory"/> for <paramref name="name"/> and returns its path.</summary>
    /// <exception cref="OperationCanceledException">A termination signal arrived: nothing more is written.</exception>
    public static string Create(string directory, string name)
    {
        lock (Gate)
        {
            ThrowIfTerminating();
            // The handlers come first: a signal after the file exists but before them would end the process the default
            // way (exit 130 or 143) and leave the file. A signal from here on waits for the lock, then finds the file.
            if (Pending.Count == 0)
            {
                _handlers = [PosixSignalRegistration.Create(PosixSignal.SIGINT, Terminate), PosixSignalRegistration.Create(PosixSignal.SIGTERM, Terminate)];
            }

            var path = Path.Combine(directory, $".{name}.{Guid.NewGuid():N}.tmp");
            try
            {
                File.Open(path, FileMode.CreateNew, FileAccess.Write, FileShare.ReadWrite | FileShare.Delete).Dispose();
            }
            catch
            {
                ReleaseHandlersIfIdle();
                throw;
            }

            Pending.Add(path);
            return path;
        }
    }

    /// <summary>Moves a complete temporary file over its target (an atomic rename in one folder).</summary>
    /// <exception cref="OperationCanceledException">A termination signal arrived first; the temporary file is gone.</exception>
    public static void Commit(string temporary, string target)
    {
        lock (Gate)
        {
            ThrowIfTerminating();
            File.Move(temporary, target, overwrite: true);
            Forget(temporary);
        }
    }

    /// <summary>Deletes a temporary file that will not be used (the writer failed); does nothing if it is gone.</summary>
    public static void Discard(string temporary)
    {
        lock (Gate)
        {
            File.Delete(temporary);
            Forget(temporary);
        }
    }

    private static void Forget(string temporary)
    {
        if (Pending.Remove(temporary))
        {
            ReleaseHandlersIfIdle();
        }
    }

    private static void ReleaseHandlersIfIdle()
    {
        if (Pending.Count == 0)
        {
            foreach (var handler in _handlers)
            {
                handler.Dispose();
            }

            _handlers = [];
        }
    }

    private static void ThrowIfTerminating()
    {
        if (_terminating)
        {
            throw new OperationCanceledException("The process is stopping.");
        }
    }

    private static void Terminate(PosixSignalContext context)
    {
        lock (Gate)
        {
            _terminating = true;
            foreach (var path in Pending)
            {
                try
                {
                    File.Delete(path);
                }
                catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
                {
                    // Best effort: the process ends either way.
                }
            }
        }

        context.Cancel = true;
        Environment.Exit(context.Signal == PosixSignal.SIGINT ? ExitCodes.Cancelled : ExitCodes.Terminated);
    }
}
