namespace EcrLint.Cli.Fixing;

/// <summary>The file changed on disk between reading and writing it: it is left as it is.</summary>
public sealed class FileChangedException(string path)
    : IOException($"'{path}' changed since it was read; it was not fixed (run ecrlint --fix again)");

/// <summary>
/// Replaces a file's content without ever leaving it half written: the new bytes go to a temporary file in the
/// same folder (same file system), which takes the original's Unix file mode, and is renamed over the original
/// (an atomic replace) only if the original still holds exactly the bytes that were read. A symbolic link is
/// followed: the file it points to is replaced, the link stays.
/// </summary>
public sealed class SafeFileWriter
{
    public static SafeFileWriter Default { get; } = new();

    /// <summary>Called with the target path after the temporary file is written, before the check (tests change the file here).</summary>
    internal Action<string>? BeforeCommit { get; init; }

    /// <summary>Writes the new content to the temporary file (tests make it fail part way, as a full disk would).</summary>
    internal Action<Stream, byte[]> WriteTemporary { get; init; } = (stream, content) => stream.Write(content);

    public void Replace(string path, byte[] expectedCurrent, byte[] newContent)
    {
        var target = ResolveTarget(path);
        var directory = Path.GetDirectoryName(target) ?? ".";
        string? temp = Path.Combine(directory, "." + Path.GetFileName(target) + ".ecrlint-" + Guid.NewGuid().ToString("N").Substring(0, 12) + ".tmp");
        try
        {
            using (var stream = new FileStream(temp, FileMode.CreateNew, FileAccess.Write, FileShare.None))
            {
                WriteTemporary(stream, newContent);
                stream.Flush(flushToDisk: true);
            }

            if (!OperatingSystem.IsWindows()) File.SetUnixFileMode(temp, File.GetUnixFileMode(target));
            BeforeCommit?.Invoke(target);
            var current = File.ReadAllBytes(target);
            if (!current.AsSpan().SequenceEqual(expectedCurrent)) throw new FileChangedException(path);
            File.Move(temp, target, overwrite: true);
            temp = null;
        }
        finally
        {
            if (temp is not null)
            {
                try
                {
                    File.Delete(temp);
                }
                catch (Exception e) when (e is IOException or UnauthorizedAccessException)
                {
                }
            }
        }
    }

    private static string ResolveTarget(string path)
    {
        var info = new FileInfo(path);
        if (info.LinkTarget is null) return info.FullName;
        return info.ResolveLinkTarget(returnFinalTarget: true)?.FullName ?? info.FullName;
    }
}
