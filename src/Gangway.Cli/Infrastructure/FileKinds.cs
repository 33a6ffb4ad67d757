using System.Runtime.InteropServices;

namespace Gangway.Cli.Infrastructure;

/// <summary>What a path names once symbolic links are followed (<c>stat</c>, not <c>lstat</c>).</summary>
internal enum FileKind
{
    Missing,
    RegularFile,
    Directory,
    CharacterDevice,
    Fifo,

    /// <summary>A block device or a socket: nothing an output should be written to.</summary>
    Other,
}

/// <summary>
/// Tells regular files from devices and pipes, which .NET's file APIs do not: <c>/dev/null</c> looks like an empty file
/// to them. Reads the file type bits of <c>st_mode</c> with <c>statx</c> on Linux (a layout the kernel fixes for every
/// architecture) and <c>stat</c> on macOS (<c>st_mode</c> at offset 4 in both of its layouts).
/// </summary>
internal static partial class FileKinds
{
    private const int TypeMask = 0xF000;
    private const int Fifo = 0x1000;
    private const int CharacterDevice = 0x2000;
    private const int Directory = 0x4000;
    private const int Regular = 0x8000;
    private const int CurrentDirectory = -100;
    private const uint StatxType = 0x1;
    private const int StatxModeOffset = 0x1C;
    private const int MacModeOffset = 4;
    private const int NoSuchFile = 2;
    private const int NotADirectory = 20;

    public static FileKind Of(string path)
    {
        // Larger than struct statx (256 bytes) and macOS's struct stat (144 bytes).
        var buffer = new byte[512];
        int mode;
        if (OperatingSystem.IsLinux())
        {
            if (Statx(CurrentDirectory, path, 0, StatxType, buffer) != 0)
            {
                return Failed(path);
            }

            mode = BitConverter.ToUInt16(buffer, StatxModeOffset);
        }
        else if (OperatingSystem.IsMacOS())
        {
            if (Stat(path, buffer) != 0)
            {
                return Failed(path);
            }

            mode = BitConverter.ToUInt16(buffer, MacModeOffset);
        }
        else
        {
            // Windows has no device files or named pipes at ordinary paths.
            return System.IO.Directory.Exists(path) ? FileKind.Directory : File.Exists(path) ? FileKind.RegularFile : FileKind.Missing;
        }

        return (mode & TypeMask) switch
        {
            Regular => FileKind.RegularFile,
            Directory => FileKind.Directory,
            CharacterDevice => FileKind.CharacterDevice,
            Fifo => FileKind.Fifo,
            _ => FileKind.Other,
        };
    }

    private static FileKind Failed(string path)
    {
        var error = Marshal.GetLastPInvokeError();
        if (error is NoSuchFile or NotADirectory)
        {
            return FileKind.Missing;
        }

        throw new IOException($"Cannot look at '{path}': {Marshal.GetPInvokeErrorMessage(error)}.");
    }

    [LibraryImport("libc", EntryPoint = "statx", SetLastError = true, StringMarshalling = StringMarshalling.Utf8)]
    private static partial int Statx(int directory, string path, int flags, uint mask, [Out] byte[] buffer);

    [LibraryImport("libc", EntryPoint = "stat", SetLastError = true, StringMarshalling = StringMarshalling.Utf8)]
    private static partial int Stat(string path, [Out] byte[] buffer);
}
