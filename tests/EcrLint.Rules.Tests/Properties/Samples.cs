using CsCheck;

namespace EcrLint.Tests.Properties;

/// <summary>The repository's sample inputs and generators of damaged copies of them.</summary>
public static class Samples
{
    private static readonly Lazy<(string Path, byte[] Bytes)[]> s_policies = new(() => Load("samples/policies", "*.json"));
    private static readonly Lazy<(string Path, byte[] Bytes)[]> s_all = new(() =>
        Load("samples", "*.json").Concat(Load("samples", "*.yaml")).Concat(Load("samples", "*.yml")).ToArray());

    /// <summary>samples/policies/**/*.json.</summary>
    public static (string Path, byte[] Bytes)[] Policies => s_policies.Value;

    /// <summary>Every JSON and YAML sample: policies, templates, describe output, daemon.json, cdk.out.</summary>
    public static (string Path, byte[] Bytes)[] All => s_all.Value;

    private static (string, byte[])[] Load(string folder, string pattern) =>
        Directory.EnumerateFiles(Repo.PathOf(folder.Split('/')), pattern, SearchOption.AllDirectories)
            .OrderBy(f => f, StringComparer.Ordinal)
            .Select(f => (Path.GetRelativePath(Repo.Root, f).Replace('\\', '/'), File.ReadAllBytes(f)))
            .ToArray();

    /// <summary>A sample of the set, then 1 to 4 damages: a byte flipped, bytes cut, bytes inserted, a range repeated, the end cut.</summary>
    public static Gen<(string Path, byte[] Bytes)> Mutated((string Path, byte[] Bytes)[] set) =>
        Gen.Select(Gen.Int[0, set.Length - 1], Gen.Int[1, 4], Gen.UInt)
            .Select((i, count, seed) => (set[i].Path, Mutate(set[i].Bytes, count, seed)));

    public static byte[] Mutate(byte[] original, int count, uint seed)
    {
        var random = new Random((int)seed);
        var bytes = new List<byte>(original);
        // Characters that matter to the parsers, and some that do not belong at all.
        var interesting = "{}[],:\"\\ \n\r\t-*?$&!#|>'0aZ\u00e9\0"u8.ToArray();
        for (var k = 0; k < count && bytes.Count > 0; k++)
        {
            var at = random.Next(bytes.Count);
            switch (random.Next(6))
            {
                case 0: bytes[at] = (byte)random.Next(256); break;
                case 1: bytes[at] = interesting[random.Next(interesting.Length)]; break;
                case 2: bytes.RemoveRange(at, Math.Min(bytes.Count - at, 1 + random.Next(16))); break;
                case 3: bytes.InsertRange(at, Enumerable.Range(0, 1 + random.Next(8)).Select(_ => interesting[random.Next(interesting.Length)])); break;
                case 4:
                {
                    var length = Math.Min(bytes.Count - at, 1 + random.Next(64));
                    bytes.InsertRange(at, bytes.GetRange(at, length));
                    break;
                }

                default: bytes.RemoveRange(at, bytes.Count - at); break;
            }
        }

        return bytes.ToArray();
    }
}
