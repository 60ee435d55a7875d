using System.Text;
using EcrLint.CloudFormation;
using EcrLint.Endpoints;
using EcrLint.Engine;
using EcrLint.Json;
using EcrLint.Text;

namespace EcrLint.Tests.CloudFormation;

/// <summary>Builds template models from text or sample files.</summary>
public static class TemplateTestHelper
{
    public static (SourceDocument Doc, JsonObject Root) Parse(string text, string path)
    {
        var doc = SourceLoader.Decode(path, Encoding.UTF8.GetBytes(text)).Document;
        var parsed = DocumentLinter.IsYaml(path, text) ? YamlParser.Parse(doc) : JsonParser.Parse(doc);
        Assert.True(parsed.Error is null, parsed.Error?.Message);
        return (doc, (JsonObject)parsed.Root!);
    }

    public static TemplateModel Model(string text, string path = "template.json", string? region = null, string? account = null)
    {
        var (doc, root) = Parse(text, path);
        return TemplateModel.Build(CfnTemplate.Read(root, DocumentLinter.IsYaml(path, text)), new CfnEnvironment { Region = region, Account = account });
    }

    public static TemplateModel Sample(string name, string? region = null, string? account = null)
    {
        var path = Repo.PathOf("samples", "templates", name);
        return Model(File.ReadAllText(path), path, region, account);
    }

    public static string At(SourceLocation? location) =>
        location is null ? "<none>" : location.Outer.Document.Text.Substring(location.FileSpan.Start, location.FileSpan.Length);

    public static EndpointModel Endpoint(TemplateModel model, string name) => model.Vpcs.SelectMany(v => v.Endpoints).Single(e => e.Name == name);

    /// <summary>A readable summary of a model (for comparing the JSON and YAML forms of one template).</summary>
    public static string Describe(TemplateModel model)
    {
        var sb = new StringBuilder();
        foreach (var v in model.Vpcs)
        {
            sb.AppendLine($"VPC {v.Name} at {Where(v.Location)} nat={v.HasNatGateway} isolated={v.OnlyIsolatedSubnets} dns={Where(v.CustomDns)} region={v.Region}");
            foreach (var e in v.Endpoints)
                sb.AppendLine($"  EP {e.Name} at {Where(e.Location)} svc={e.Service} name={e.ServiceName} type={e.Type} dns={e.PrivateDns}@{Where(e.PrivateDns?.Location)} rt={e.HasRouteTables} 443={e.Admits443} policy={e.Policy is not null} unknown={e.PolicyUnknown} fp={e.PolicyFingerprint}");
            foreach (var w in v.Workloads)
            {
                sb.AppendLine($"  W {w.Name} at {Where(w.Location)} {w.LaunchType} pv={w.PlatformVersion} os={w.OperatingSystemFamily} awslogs={Where(w.AwsLogs)}");
                foreach (var i in w.Images) sb.AppendLine($"    IMG {i.Source} {i.Text} region={i.Region} registry={i.Registry} at {Where(i.Location)}");
            }

            foreach (var p in v.PullThroughCacheRules) sb.AppendLine($"  PTC {p.Name} {p.UpstreamRegistry}");
        }

        foreach (var p in model.Policies) sb.AppendLine($"POLICY {p.Name} {p.Kind} statements={p.Policy?.Statements.Count} errors={p.Errors.Count}");
        return sb.ToString();
    }

    private static string Where(SourceLocation? l) => l is null ? "-" : $"{l.Start.Line}:{l.Start.Column}";
}
