using System.Linq;
using System.Text.Json;

namespace CdkApp;

/// <summary>Turns a policy written as JSON into the plain objects CDK's untyped <c>PolicyDocument</c> properties take.</summary>
internal static class PolicyJson
{
    public static object Parse(string json)
    {
        using var document = JsonDocument.Parse(json);
        return Convert(document.RootElement);
    }

    private static object Convert(JsonElement e) => e.ValueKind switch
    {
        JsonValueKind.Object => e.EnumerateObject().ToDictionary(p => p.Name, p => Convert(p.Value)),
        JsonValueKind.Array => e.EnumerateArray().Select(Convert).ToArray(),
        JsonValueKind.String => e.GetString()!,
        JsonValueKind.True => true,
        JsonValueKind.False => false,
        JsonValueKind.Number => e.GetDouble(),
        _ => "",
    };
}
