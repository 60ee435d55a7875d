using System.Runtime.InteropServices;

namespace EcrLint.Cli.Inputs;

/// <summary>Reads inputs and turns I/O failures into short reasons for <c>cannot read 'x': reason</c>.</summary>
public static class FileReader
{
    /// <summary>
    /// The largest input read (64 MiB): policies are at most 20 KB and templates 1 MB, so a bigger file is not a
    /// kind EcrLint lints, and a device such as <c>/dev/zero</c> named by mistake must not exhaust memory.
    /// </summary>
    public const int MaxFileBytes = 64 * 1024 * 1024;

    /// <summary>
    /// Reads a file's bytes; returns null and a reason when it cannot be read. A named pipe, device or socket is
    /// read only when the user named it (<paramref name="explicitFile"/>, as in <c>ecrlint &lt;(aws ...)</c>): found
    /// by a folder walk or a glob it is reported, never opened, since opening a pipe nobody writes to waits forever.
    /// </summary>
    public static byte[]? TryRead(string fullPath, out string? reason, bool explicitFile = true)
    {
        try
        {
            if (Directory.Exists(fullPath))
            {
                reason = "it is a folder";
                return null;
            }

            if (!explicitFile && SpecialFileKind(fullPath) is { } special)
            {
                reason = $"it is a {special}, not a regular file (name it on the command line to read it)";
                return null;
            }

            return ReadCapped(fullPath, out reason);
        }
        catch (Exception e) when (IsIoFailure(e))
        {
            reason = IsDanglingLink(fullPath) ? "it is a symbolic link to a file that does not exist" : Reason(e);
            return null;
        }
    }

    /// <summary>Reads up to <see cref="MaxFileBytes"/>; a longer file (or an endless device) is refused.</summary>
    private static byte[]? ReadCapped(string fullPath, out string? reason)
    {
        using var stream = new FileStream(fullPath, FileMode.Open, FileAccess.Read, FileShare.ReadWrite, bufferSize: 1, FileOptions.SequentialScan);
        if (stream.CanSeek)
        {
            var length = stream.Length;
            if (length > MaxFileBytes)
            {
                reason = TooLarge;
                return null;
            }

            if (length > 0)
            {
                // A regular file: one read of the size it has (it may still grow or shrink while being read).
                var bytes = new byte[length];
                var read = 0;
                while (read < bytes.Length)
                {
                    var n = stream.Read(bytes, read, bytes.Length - read);
                    if (n == 0) break;
                    read += n;
                }

                if (read == bytes.Length && stream.ReadByte() < 0)
                {
                    reason = null;
                    return bytes;
                }

                stream.Position = 0;
            }
        }

        // A pipe, a device, a file of unknown or changing length: read to the end, up to the cap.
        using var buffer = new MemoryStream();
        var chunk = new byte[81920];
        while (true)
        {
            var n = stream.Read(chunk, 0, chunk.Length);
            if (n == 0) break;
            if (buffer.Length + n > MaxFileBytes)
            {
                reason = TooLarge;
                return null;
            }

            buffer.Write(chunk, 0, n);
        }

        reason = null;
        return buffer.ToArray();
    }

    private static string TooLarge => $"it is larger than {MaxFileBytes / (1024 * 1024)} MiB, more than any policy or template";

    public static bool IsIoFailure(Exception e) =>
        e is IOException or UnauthorizedAccessException or System.Security.SecurityException or NotSupportedException or ArgumentException;

    /// <summary>A short reason for an I/O failure (the exception's own message when no better one is known).</summary>
    public static string Reason(Exception e) => e switch
    {
        FileNotFoundException or DirectoryNotFoundException => "no such file or folder",
        UnauthorizedAccessException => "permission denied",
        PathTooLongException => "the path is too long",
        _ => e.Message,
    };

    private static bool IsDanglingLink(string fullPath)
    {
        try
        {
            var info = new FileInfo(fullPath);
            return info.LinkTarget is not null && info.ResolveLinkTarget(returnFinalTarget: true) is { Exists: false };
        }
        catch (Exception e) when (IsIoFailure(e))
        {
            return false;
        }
    }

    /// <summary>
    /// "named pipe", "device" or "socket" for a file (links followed) that is not a regular file, else null
    /// (also when the type cannot be told: the file is then read as before). .NET has no API for the file type,
    /// so on Unix it comes from <c>stat</c> through the runtime's own native shim, whose result starts with two
    /// 32-bit fields, flags and mode, on every Unix platform .NET supports.
    /// </summary>
    internal static string? SpecialFileKind(string fullPath)
    {
        if (OperatingSystem.IsWindows()) return null;
        try
        {
            var status = new byte[512];
            if (SystemNativeStat(fullPath, status) != 0) return null;
            var mode = BitConverter.ToInt32(status, 4) & 0xF000;
            return mode switch
            {
                0x1000 => "named pipe",
                0x2000 or 0x6000 => "device",
                0xC000 => "socket",
                _ => null,
            };
        }
        catch (Exception e) when (e is DllNotFoundException or EntryPointNotFoundException or BadImageFormatException)
        {
            return null;
        }
    }

    [DllImport("libSystem.Native", EntryPoint = "SystemNative_Stat", CharSet = CharSet.Ansi, BestFitMapping = false, ThrowOnUnmappableChar = true)]
    private static extern int SystemNativeStat(string path, byte[] status);
}
