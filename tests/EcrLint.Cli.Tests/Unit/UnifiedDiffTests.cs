using System.Text;
using EcrLint.Cli.Fixing;

namespace EcrLint.Cli.Tests.Unit;

public class UnifiedDiffTests
{
    [Fact]
    public void Equal_texts_give_no_diff() => Assert.Equal("", UnifiedDiff.Create("a\nb\n", "a\nb\n", "a/x", "b/x"));

    [Fact]
    public void One_changed_line_with_three_lines_of_context()
    {
        var old = "1\n2\n3\n4\n5\n6\n7\n8\n9\n";
        var @new = "1\n2\n3\n4\nFIVE\n6\n7\n8\n9\n";
        var expected = "--- a/x\n+++ b/x\n@@ -2,7 +2,7 @@\n 2\n 3\n 4\n-5\n+FIVE\n 6\n 7\n 8\n";
        Assert.Equal(expected, UnifiedDiff.Create(old, @new, "a/x", "b/x"));
    }

    [Fact]
    public void Insertion_at_the_start_and_far_apart_changes_make_two_hunks()
    {
        var old = string.Concat(Enumerable.Range(1, 20).Select(i => i + "\n"));
        var @new = "0\n" + old.Replace("18\n", "eighteen\n");
        var diff = UnifiedDiff.Create(old, @new, "a/x", "b/x");
        Assert.Equal(2, diff.Split('\n').Count(l => l.StartsWith("@@", StringComparison.Ordinal)));
        Assert.Contains("@@ -1,3 +1,4 @@\n+0\n 1\n 2\n 3\n", diff);
        Assert.Contains("@@ -15,6 +16,6 @@\n 15\n 16\n 17\n-18\n+eighteen\n 19\n 20\n", diff);
    }

    [Fact]
    public void Close_changes_share_a_hunk()
    {
        var old = "1\n2\n3\n4\n5\n6\n7\n8\n9\n10\n";
        var @new = "1\nB\n3\n4\n5\n6\n7\n8\nI\n10\n";
        var diff = UnifiedDiff.Create(old, @new, "a", "b");
        Assert.Single(diff.Split('\n'), l => l.StartsWith("@@", StringComparison.Ordinal));
    }

    [Fact]
    public void Missing_final_newline_is_marked()
    {
        var diff = UnifiedDiff.Create("{}", "{ }", "a/x", "b/x");
        Assert.Equal("--- a/x\n+++ b/x\n@@ -1 +1 @@\n-{}\n\\ No newline at end of file\n+{ }\n\\ No newline at end of file\n", diff);
    }

    [Fact]
    public void Crlf_lines_keep_their_line_ends()
    {
        var diff = UnifiedDiff.Create("a\r\nb\r\n", "a\r\nc\r\n", "a/x", "b/x");
        Assert.Equal("--- a/x\n+++ b/x\n@@ -1,2 +1,2 @@\n a\r\n-b\r\n+c\r\n", diff);
    }

    [Fact]
    public void Empty_old_text()
    {
        Assert.Equal("--- a\n+++ b\n@@ -0,0 +1 @@\n+x\n", UnifiedDiff.Create("", "x\n", "a", "b"));
    }

    [Fact]
    public void The_edit_script_rebuilds_both_texts_and_is_minimal_on_random_inputs()
    {
        var random = new Random(1234);
        for (var round = 0; round < 300; round++)
        {
            var a = Enumerable.Range(0, random.Next(0, 30)).Select(_ => ((char)('a' + random.Next(0, 4))).ToString()).ToList();
            var b = Enumerable.Range(0, random.Next(0, 30)).Select(_ => ((char)('a' + random.Next(0, 4))).ToString()).ToList();
            var ops = UnifiedDiff.Diff(a, b);
            var rebuiltA = ops.Where(o => o.Kind != UnifiedDiff.OpKind.Insert).Select(o => a[o.OldIndex]).ToList();
            var rebuiltB = ops.Where(o => o.Kind != UnifiedDiff.OpKind.Delete).Select(o => o.Kind == UnifiedDiff.OpKind.Insert ? b[o.NewIndex] : a[o.OldIndex]).ToList();
            Assert.Equal(a, rebuiltA);
            Assert.Equal(b, rebuiltB);
            var equal = ops.Count(o => o.Kind == UnifiedDiff.OpKind.Equal);
            Assert.Equal(Lcs(a, b), equal);
        }
    }

    [Fact]
    public void Applying_the_printed_hunks_gives_the_new_text()
    {
        var random = new Random(99);
        for (var round = 0; round < 200; round++)
        {
            var a = string.Concat(Enumerable.Range(0, random.Next(0, 40)).Select(_ => "l" + random.Next(0, 6) + "\n"));
            var b = string.Concat(Enumerable.Range(0, random.Next(0, 40)).Select(_ => "l" + random.Next(0, 6) + "\n"));
            var diff = UnifiedDiff.Create(a, b, "a", "b");
            Assert.Equal(b, Patch(a, diff));
        }
    }

    private static int Lcs(List<string> a, List<string> b)
    {
        var dp = new int[a.Count + 1, b.Count + 1];
        for (var i = 1; i <= a.Count; i++)
        for (var j = 1; j <= b.Count; j++)
            dp[i, j] = a[i - 1] == b[j - 1] ? dp[i - 1, j - 1] + 1 : Math.Max(dp[i - 1, j], dp[i, j - 1]);
        return dp[a.Count, b.Count];
    }

    /// <summary>A minimal patch(1) for LF texts that end with a newline.</summary>
    private static string Patch(string old, string diff)
    {
        if (diff.Length == 0) return old;
        var oldLines = UnifiedDiff.SplitLines(old);
        var result = new StringBuilder();
        var lines = diff.Split('\n');
        var next = 0; // next old line to copy
        for (var i = 2; i < lines.Length; i++)
        {
            var line = lines[i];
            if (line.StartsWith("@@", StringComparison.Ordinal))
            {
                var range = line.Split(' ')[1].Substring(1).Split(',');
                var start = int.Parse(range[0]);
                var count = range.Length > 1 ? int.Parse(range[1]) : 1;
                var firstIndex = count == 0 ? start : start - 1;
                while (next < firstIndex) result.Append(oldLines[next++]);
            }
            else if (line.StartsWith(' '))
            {
                result.Append(oldLines[next++]);
            }
            else if (line.StartsWith('-'))
            {
                next++;
            }
            else if (line.StartsWith('+'))
            {
                result.Append(line.Substring(1)).Append('\n');
            }
        }

        while (next < oldLines.Count) result.Append(oldLines[next++]);
        return result.ToString();
    }
}
