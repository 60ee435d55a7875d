using System.Text;

namespace EcrLint.Cli.Fixing;

/// <summary>
/// A line diff (Myers' O((N+M)D) algorithm) printed as a unified diff with 3 lines of context, the way
/// <c>diff -u</c> and <c>git diff</c> print it. Lines keep their line ends, so a CRLF file diffs as CRLF and a
/// missing final newline is marked <c>\ No newline at end of file</c>.
/// </summary>
public static class UnifiedDiff
{
    public const int Context = 3;

    /// <summary>Beyond this many inserted and deleted lines the diff replaces the changed middle whole (bounded memory).</summary>
    public const int MaxEditDistance = 4000;

    public enum OpKind
    {
        Equal,
        Delete,
        Insert,
    }

    /// <summary>One step of the edit script: an old line kept or deleted, or a new line inserted.</summary>
    public readonly record struct Op(OpKind Kind, int OldIndex, int NewIndex);

    /// <summary>The unified diff of two texts, or an empty string when they are equal.</summary>
    public static string Create(string oldText, string newText, string oldLabel, string newLabel)
    {
        if (oldText == newText) return "";
        var a = SplitLines(oldText);
        var b = SplitLines(newText);
        var ops = Diff(a, b);
        var sb = new StringBuilder();
        sb.Append("--- ").Append(oldLabel).Append('\n');
        sb.Append("+++ ").Append(newLabel).Append('\n');

        // Positions before each op.
        var oldPos = new int[ops.Count + 1];
        var newPos = new int[ops.Count + 1];
        for (var i = 0; i < ops.Count; i++)
        {
            oldPos[i + 1] = oldPos[i] + (ops[i].Kind == OpKind.Insert ? 0 : 1);
            newPos[i + 1] = newPos[i] + (ops[i].Kind == OpKind.Delete ? 0 : 1);
        }

        var index = 0;
        while (index < ops.Count)
        {
            if (ops[index].Kind == OpKind.Equal)
            {
                index++;
                continue;
            }

            var start = Math.Max(0, index - Context);
            var lastChange = index;
            var j = index;
            while (j < ops.Count)
            {
                if (ops[j].Kind != OpKind.Equal) lastChange = j;
                else if (j - lastChange > 2 * Context) break;
                j++;
            }

            var end = Math.Min(ops.Count, lastChange + 1 + Context);
            var oldCount = oldPos[end] - oldPos[start];
            var newCount = newPos[end] - newPos[start];
            sb.Append("@@ -").Append(Range(oldPos[start], oldCount)).Append(" +").Append(Range(newPos[start], newCount)).Append(" @@\n");
            for (var k = start; k < end; k++)
            {
                var op = ops[k];
                switch (op.Kind)
                {
                    case OpKind.Equal: AppendLine(sb, ' ', a[op.OldIndex]); break;
                    case OpKind.Delete: AppendLine(sb, '-', a[op.OldIndex]); break;
                    default: AppendLine(sb, '+', b[op.NewIndex]); break;
                }
            }

            index = end;
        }

        return sb.ToString();
    }

    private static string Range(int start, int count) => count switch
    {
        0 => start + ",0",
        1 => (start + 1).ToString(System.Globalization.CultureInfo.InvariantCulture),
        _ => (start + 1) + "," + count,
    };

    private static void AppendLine(StringBuilder sb, char prefix, string line)
    {
        sb.Append(prefix).Append(line);
        if (!line.EndsWith('\n') && !line.EndsWith('\r')) sb.Append("\n\\ No newline at end of file\n");
        else if (line.EndsWith('\r')) sb.Append('\n'); // A lone CR line end: keep it, and end the diff line.
    }

    /// <summary>Splits after each LF, CRLF or lone CR; the line ends stay on their lines.</summary>
    public static List<string> SplitLines(string text)
    {
        var lines = new List<string>();
        var start = 0;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (c == '\n' || (c == '\r' && (i + 1 >= text.Length || text[i + 1] != '\n')))
            {
                lines.Add(text.Substring(start, i + 1 - start));
                start = i + 1;
            }
        }

        if (start < text.Length) lines.Add(text.Substring(start));
        return lines;
    }

    /// <summary>The shortest edit script from <paramref name="a"/> to <paramref name="b"/> (Myers), common prefix and suffix first.</summary>
    public static List<Op> Diff(IReadOnlyList<string> a, IReadOnlyList<string> b)
    {
        var prefix = 0;
        while (prefix < a.Count && prefix < b.Count && a[prefix] == b[prefix]) prefix++;
        var suffix = 0;
        while (suffix < a.Count - prefix && suffix < b.Count - prefix && a[a.Count - 1 - suffix] == b[b.Count - 1 - suffix]) suffix++;

        var ops = new List<Op>(a.Count + b.Count);
        for (var i = 0; i < prefix; i++) ops.Add(new Op(OpKind.Equal, i, i));
        var n = a.Count - prefix - suffix;
        var m = b.Count - prefix - suffix;
        ops.AddRange(Middle(a, b, prefix, n, m));
        for (var i = 0; i < suffix; i++) ops.Add(new Op(OpKind.Equal, a.Count - suffix + i, b.Count - suffix + i));
        return ops;
    }

    private static List<Op> Middle(IReadOnlyList<string> a, IReadOnlyList<string> b, int offset, int n, int m)
    {
        var result = new List<Op>();
        if (n == 0 && m == 0) return result;
        if (n == 0)
        {
            for (var j = 0; j < m; j++) result.Add(new Op(OpKind.Insert, offset, offset + j));
            return result;
        }

        if (m == 0)
        {
            for (var i = 0; i < n; i++) result.Add(new Op(OpKind.Delete, offset + i, offset));
            return result;
        }

        var max = n + m;
        var off = max + 1;
        var v = new int[2 * max + 3];
        var trace = new List<int[]>();
        var found = -1;
        for (var d = 0; d <= max && found < 0; d++)
        {
            if (d > MaxEditDistance)
            {
                // Too different to diff line by line cheaply: delete the old middle, insert the new one.
                for (var i = 0; i < n; i++) result.Add(new Op(OpKind.Delete, offset + i, offset));
                for (var j = 0; j < m; j++) result.Add(new Op(OpKind.Insert, offset + n, offset + j));
                return result;
            }

            // The state before this step, diagonals -d-1..d+1 (all the backtrack reads).
            var snapshot = new int[2 * d + 3];
            Array.Copy(v, off - d - 1, snapshot, 0, snapshot.Length);
            trace.Add(snapshot);
            for (var k = -d; k <= d; k += 2)
            {
                int x;
                if (k == -d || (k != d && v[off + k - 1] < v[off + k + 1])) x = v[off + k + 1];
                else x = v[off + k - 1] + 1;
                var y = x - k;
                while (x < n && y < m && a[offset + x] == b[offset + y])
                {
                    x++;
                    y++;
                }

                v[off + k] = x;
                if (x >= n && y >= m)
                {
                    found = d;
                    break;
                }
            }
        }

        // Backtrack from (n, m): each step d ends with a snake that starts right after one insert or delete.
        var reversed = new List<Op>();
        int cx = n, cy = m;
        for (var d = found; d > 0; d--)
        {
            var snap = trace[d];
            var k = cx - cy;
            var down = k == -d || (k != d && snap[k - 1 + d + 1] < snap[k + 1 + d + 1]);
            var prevK = down ? k + 1 : k - 1;
            var prevX = snap[prevK + d + 1];
            var prevY = prevX - prevK;
            var startX = down ? prevX : prevX + 1;
            var startY = startX - k;
            while (cx > startX && cy > startY)
            {
                reversed.Add(new Op(OpKind.Equal, offset + cx - 1, offset + cy - 1));
                cx--;
                cy--;
            }

            if (down) reversed.Add(new Op(OpKind.Insert, offset + prevX, offset + prevY));
            else reversed.Add(new Op(OpKind.Delete, offset + prevX, offset + prevY));
            cx = prevX;
            cy = prevY;
        }

        while (cx > 0 && cy > 0)
        {
            reversed.Add(new Op(OpKind.Equal, offset + cx - 1, offset + cy - 1));
            cx--;
            cy--;
        }

        reversed.Reverse();
        return reversed;
    }
}
