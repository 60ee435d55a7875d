using System.Text;
using EcrLint.Cli;

var stdout = new BufferedStream(Console.OpenStandardOutput(), 1 << 16);
var stderr = new StreamWriter(Console.OpenStandardError(), new UTF8Encoding(false)) { AutoFlush = true, NewLine = "\n" };
try
{
    return CliApp.Run(args, new CliConsole(stdout, stderr, Console.OpenStandardInput, Environment.CurrentDirectory));
}
finally
{
    stdout.Flush();
    stderr.Flush();
}
