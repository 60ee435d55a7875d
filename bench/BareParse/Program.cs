// The physical floor for the CLI throughput benchmark: read every *.json file under the given folders and parse
// it with Newtonsoft.Json, in parallel like ecrlint, doing nothing else. `--tokens` only tokenizes (no tree).
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;

var tokensOnly = args.Contains("--tokens");
var files = args.Where(a => !a.StartsWith("--", StringComparison.Ordinal))
    .SelectMany(a => Directory.Exists(a) ? Directory.EnumerateFiles(a, "*.json", SearchOption.AllDirectories) : new[] { a })
    .ToList();
long tokens = 0;
var errors = 0;
Parallel.ForEach(files, file =>
{
    try
    {
        using var reader = new JsonTextReader(new StringReader(File.ReadAllText(file)));
        if (tokensOnly)
        {
            long n = 0;
            while (reader.Read()) n++;
            Interlocked.Add(ref tokens, n);
        }
        else
        {
            var token = JToken.ReadFrom(reader);
            Interlocked.Add(ref tokens, token.Type == JTokenType.Object ? 1 : 0);
        }
    }
    catch (JsonException)
    {
        Interlocked.Increment(ref errors);
    }
});
Console.WriteLine($"{files.Count} files, {tokens} {(tokensOnly ? "tokens" : "objects")}, {errors} invalid");
