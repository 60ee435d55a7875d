using System.Collections.Generic;
using EcrLint.Text;

namespace EcrLint.Json;

public static class JsonNavigation
{
    /// <summary>Containers with more children than this are searched by halving when their children are in order.</summary>
    private const int LinearSearchLimit = 16;

    /// <summary>The innermost node whose span contains <paramref name="span"/> (a key's span counts as its value's).</summary>
    public static JsonNode FindDeepest(JsonNode root, TextSpan span)
    {
        var node = root;
        while (true)
        {
            JsonNode? next = null;
            switch (node)
            {
                case JsonObject o:
                {
                    var properties = o.Properties;
                    if (properties.Count > LinearSearchLimit && (o.ChildrenInOrder ??= InOrder(properties, p => p.Span)))
                    {
                        var i = FirstContaining(properties, p => p.Span, span);
                        if (i >= 0) next = properties[i].Value;
                        break;
                    }

                    foreach (var p in properties)
                    {
                        if (p.Span.Contains(span))
                        {
                            next = p.Value;
                            break;
                        }
                    }

                    break;
                }

                case JsonArray a:
                {
                    var items = a.Items;
                    if (items.Count > LinearSearchLimit && (a.ChildrenInOrder ??= InOrder(items, n => n.Span)))
                    {
                        var i = FirstContaining(items, n => n.Span, span);
                        if (i >= 0) next = items[i];
                        break;
                    }

                    foreach (var item in items)
                    {
                        if (item.Span.Contains(span))
                        {
                            next = item;
                            break;
                        }
                    }

                    break;
                }
            }

            if (next is null) return node;
            node = next;
        }
    }

    /// <summary>True when each span ends before (or where) the next starts: what a parser gives, unlike copies of YAML aliases.</summary>
    private static bool InOrder<T>(IReadOnlyList<T> children, System.Func<T, TextSpan> spanOf)
    {
        for (var i = 0; i < children.Count; i++)
        {
            var s = spanOf(children[i]);
            if (s.End < s.Start) return false;
            if (i + 1 < children.Count && s.End > spanOf(children[i + 1]).Start) return false;
        }

        return true;
    }

    /// <summary>
    /// In children in order, the first whose span contains <paramref name="span"/> (what a scan from the start finds),
    /// or -1: only the last child starting at or before the span can contain it, and, for an empty span on a
    /// boundary, the empty children just before it.
    /// </summary>
    private static int FirstContaining<T>(IReadOnlyList<T> children, System.Func<T, TextSpan> spanOf, TextSpan span)
    {
        int lo = 0, hi = children.Count - 1, last = -1;
        while (lo <= hi)
        {
            var mid = lo + (hi - lo) / 2;
            if (spanOf(children[mid]).Start <= span.Start)
            {
                last = mid;
                lo = mid + 1;
            }
            else
            {
                hi = mid - 1;
            }
        }

        if (last < 0 || !spanOf(children[last]).Contains(span)) return -1;
        while (last > 0 && spanOf(children[last - 1]).Contains(span)) last--;
        return last;
    }
}
