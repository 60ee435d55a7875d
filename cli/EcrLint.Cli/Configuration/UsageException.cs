namespace EcrLint.Cli.Configuration;

/// <summary>A problem with the command line or a configuration file: reported on stderr, exit code 2.</summary>
public sealed class UsageException(string message) : Exception(message);
