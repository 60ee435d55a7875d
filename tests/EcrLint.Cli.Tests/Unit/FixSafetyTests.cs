using System.Text;
using CsCheck;
using EcrLint.Cli.Fixing;
using EcrLint.Engine;
using EcrLint.Json;
using EcrLint.Rules;
using EcrLint.Text;

namespace EcrLint.Cli.Tests.Unit;

/// <summary>
/// The --fix guarantees of cli.md that FixingTests and the end-to-end tests do not already pin: a write that fails
/// part way or a crash before the rename leaves the original untouched (and no temporary file behind when the
/// process lives on), and, over every sample and damaged copies of them, fixed files parse, keep their encoding and
/// line endings, and a second run changes nothing.
/// </summary>
public class FixSafetyTests
{
    private static readonly byte[] Old = Encoding.UTF8.GetBytes(Policies.NoVersion);
    private static readonly byte[] New = Encoding.UTF8.GetBytes(Policies.Clean);

    [Fact]
    public void A_write_that_fails_part_way_leaves_the_original_and_no_temporary_file()
    {
        using var dir = new TempDir();
        var path = dir.File("p.json", Old);
        var writer = new SafeFileWriter
        {
            WriteTemporary = (stream, content) =>
            {
                stream.Write(content, 0, content.Length / 2);
                throw new IOException("No space left on device");
            },
        };

        var e = Assert.Throws<IOException>(() => writer.Replace(path, Old, New));

        Assert.Equal("No space left on device", e.Message);
        Assert.Equal(Old, File.ReadAllBytes(path));
        Assert.Equal(["p.json"], Directory.GetFiles(dir.Path).Select(Path.GetFileName));
    }

    [Fact]
    public void Until_the_rename_the_original_is_untouched_so_a_crash_cannot_half_write_it()
    {
        using var dir = new TempDir();
        var path = dir.File("p.json", Old);
        var checkedBeforeRename = false;
        var writer = new SafeFileWriter
        {
            BeforeCommit = target =>
            {
                // The state a crash (kill -9, power loss) would leave here: the new content complete in a temporary file
                // of the same folder, the original as it was. Only rename(2), which is atomic, replaces it.
                Assert.Equal(Old, File.ReadAllBytes(target));
                var temporary = Assert.Single(Directory.GetFiles(dir.Path, ".p.json.ecrlint-*.tmp", SearchOption.TopDirectoryOnly));
                Assert.Equal(New, File.ReadAllBytes(temporary));
                checkedBeforeRename = true;
                throw new IOException("simulated crash before the rename");
            },
        };

        Assert.Throws<IOException>(() => writer.Replace(path, Old, New));

        Assert.True(checkedBeforeRename);
        Assert.Equal(Old, File.ReadAllBytes(path));
        Assert.Equal(["p.json"], Directory.GetFiles(dir.Path).Select(Path.GetFileName));
    }

    [Fact]
    public void A_fix_that_cannot_be_written_is_exit_2_and_the_other_files_are_still_fixed()
    {
        using var dir = new TempDir();
        dir.File("a.json", Old);
        dir.File("b.json", Old);
        var writer = new SafeFileWriter
        {
            WriteTemporary = (stream, content) =>
            {
                if (((FileStream)stream).Name.Contains(".a.json.", StringComparison.Ordinal)) throw new IOException("No space left on device");
                stream.Write(content);
            },
        };

        var r = InProcess.RunWith(dir.Path, null, writer, "a.json", "b.json", "--fix", "--fail-level", "info");

        Assert.Equal(2, r.ExitCode);
        Assert.Contains("ecrlint: error: cannot write the fixes to 'a.json': No space left on device; it was not changed", r.StdErr);
        Assert.Contains("ecrlint: fixed 1 finding in 'b.json'", r.StdErr);
        Assert.Equal(Old, dir.Bytes("a.json"));
        Assert.Contains("2012-10-17", dir.Text("b.json"));
        Assert.StartsWith("a.json(2,3): info ECR401", r.StdOut);
        Assert.Equal(["a.json", "b.json"], Directory.GetFiles(dir.Path).Select(Path.GetFileName).Order(StringComparer.Ordinal));
    }

    private static readonly LintContext[] Contexts =
    {
        new() { Region = "us-east-1", Account = "111122223333" },
        new() { Severities = new SeverityPolicy(LintMode.Strict) },
    };

    private static readonly Lazy<(string Path, byte[] Bytes)[]> Samples = new(() =>
    {
        var root = Repo.Root;
        return new[] { "*.json", "*.yaml", "*.yml" }
            .SelectMany(p => Directory.EnumerateFiles(Path.Combine(root, "samples"), p, SearchOption.AllDirectories))
            .Where(f => !f.Contains("cdk.out", StringComparison.Ordinal))
            .OrderBy(f => f, StringComparer.Ordinal)
            .Select(f => (Path.GetFileName(f), File.ReadAllBytes(f)))
            .ToArray();
    });

    /// <summary>A sample with CRLF line ends, a BOM or in UTF-16, some damaged the way editors and merges damage files.</summary>
    private static readonly Gen<(string Path, byte[] Bytes)> Inputs =
        Gen.Select(Gen.Int[0, 1000], Gen.Int[0, 5], Gen.Int[0, 3], Gen.UInt).Select((index, variant, damage, seed) =>
        {
            var (path, bytes) = Samples.Value[index % Samples.Value.Length];
            var text = Encoding.UTF8.GetString(bytes);
            if (variant == 1) text = text.Replace("\r\n", "\n").Replace("\n", "\r\n");
            var encoded = variant switch
            {
                2 => new byte[] { 0xEF, 0xBB, 0xBF }.Concat(Encoding.UTF8.GetBytes(text)).ToArray(),
                3 => Encoding.Unicode.GetPreamble().Concat(Encoding.Unicode.GetBytes(text)).ToArray(),
                _ => Encoding.UTF8.GetBytes(text),
            };
            if (damage == 0 && variant != 3) encoded = Damage(encoded, new Random((int)seed));
            return (path, encoded);
        });

    [Fact]
    public void Fixed_files_parse_keep_their_encoding_and_line_ends_and_a_second_run_changes_nothing() =>
        Gen.Select(Inputs, Gen.Int[0, Contexts.Length - 1]).Sample((input, c) =>
        {
            var (path, bytes) = input;
            var context = Contexts[c];
            var first = FileFixer.Fix(path, bytes, context, InputKind.Auto, true, _ => false);
            if (!first.Changed) return;

            var decoded = SourceLoader.Decode(path, first.NewBytes);
            Assert.Null(decoded.Error);
            var doc = decoded.Document;
            var parsed = DocumentLinter.IsYaml(path, doc.Text) ? YamlParser.Parse(doc) : JsonParser.Parse(doc);
            Assert.True(parsed.Error is null, $"{path}: the fixed file does not parse: {parsed.Error?.Message}");

            var original = SourceLoader.Decode(path, bytes).Document;
            Assert.Equal(original.HasBom, doc.HasBom);
            Assert.Equal(original.Encoding.WebName, doc.Encoding.WebName);
            if (!original.Text.Contains('\r')) Assert.DoesNotContain('\r', doc.Text);
            if (original.Text.Replace("\r\n", "").IndexOf('\n') < 0 && original.Text.Contains("\r\n")) Assert.DoesNotContain('\n', doc.Text.Replace("\r\n", ""));

            var second = FileFixer.Fix(path, first.NewBytes, context, InputKind.Auto, true, _ => false);
            Assert.False(second.Changed, $"{path}: a second run changed the file again");
            Assert.Equal(first.NewBytes, second.NewBytes);
        }, iter: 400);

    private static byte[] Damage(byte[] bytes, Random random)
    {
        var list = bytes.ToList();
        if (list.Count == 0) return bytes;
        var at = random.Next(list.Count);
        switch (random.Next(3))
        {
            case 0: list.RemoveRange(at, Math.Min(list.Count - at, 1 + random.Next(4))); break;
            case 1: list.Insert(at, (byte)"{}[],: \n\""[random.Next(9)]); break;
            default: list.InsertRange(at, list.GetRange(at, Math.Min(list.Count - at, 1 + random.Next(40)))); break;
        }

        return list.ToArray();
    }
}
