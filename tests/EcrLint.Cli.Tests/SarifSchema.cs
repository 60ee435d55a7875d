using System.Text.Json;
using Json.Schema;

namespace EcrLint.Cli.Tests;

/// <summary>Validates SARIF logs against the SARIF 2.1.0 JSON schema (Schemas/sarif-schema-2.1.0.json, see SOURCE.md there).</summary>
public static class SarifSchema
{
    private static readonly Lazy<JsonSchema> Schema = new(() =>
        JsonSchema.FromText(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Schemas", "sarif-schema-2.1.0.json")),
            new BuildOptions { SchemaRegistry = new SchemaRegistry() },
            new Uri("https://json.schemastore.org/sarif-2.1.0.json")));

    /// <summary>The schema errors of a SARIF text (empty when it is valid).</summary>
    public static List<string> Errors(string sarif)
    {
        using var doc = JsonDocument.Parse(sarif);
        var results = Schema.Value.Evaluate(doc.RootElement, new EvaluationOptions { OutputFormat = global::Json.Schema.OutputFormat.List, RequireFormatValidation = true });
        if (results.IsValid) return [];
        var errors = new List<string>();
        foreach (var detail in results.Details ?? [])
        {
            if (detail.Errors is null) continue;
            foreach (var (keyword, message) in detail.Errors) errors.Add($"{detail.InstanceLocation} ({keyword}): {message}");
        }

        if (errors.Count == 0) errors.Add("invalid (no details)");
        return errors;
    }

    public static void AssertValid(string sarif)
    {
        var errors = Errors(sarif);
        Assert.True(errors.Count == 0, "SARIF is not valid against the 2.1.0 schema:\n" + string.Join("\n", errors.Take(20)));
    }
}
