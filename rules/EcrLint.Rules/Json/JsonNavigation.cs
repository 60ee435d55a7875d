using EcrLint.Text;

namespace EcrLint.Json;

public static class JsonNavigation
{
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
                    foreach (var p in o.Properties)
                    {
                        if (p.Span.Contains(span))
                        {
                            next = p.Value;
                            break;
                        }
                    }

                    break;
                case JsonArray a:
                    foreach (var item in a.Items)
                    {
                        if (item.Span.Contains(span))
                        {
                            next = item;
                            break;
                        }
                    }

                    break;
            }

            if (next is null) return node;
            node = next;
        }
    }
}
