namespace EcrLint.Cli.Inputs;

/// <summary>Reads inputs and turns I/O failures into short reasons for <c>cannot read 'x': reason</c>.</summary>
public static class FileReader
{
    /// <summary>Reads a file's bytes; returns null and a reason when it cannot be read.</summary>
    public static byte[]? TryRead(string fullPath, out string? reason)
    {
        try
        {
            if (Directory.Exists(fullPath))
            {
                reason = "it is a folder";
                return null;
            }

            var bytes = File.ReadAllBytes(fullPath);
            reason = null;
            return bytes;
        }
        catch (Exception e) when (IsIoFailure(e))
        {
            reason = IsDanglingLink(fullPath) ? "it is a symbolic link to a file that does not exist" : Reason(e);
            return null;
        }
    }

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
}
