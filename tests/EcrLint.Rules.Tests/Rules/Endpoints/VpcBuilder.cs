using System.Text;
using EcrLint.Endpoints;
using EcrLint.Fixes;
using EcrLint.Json;
using EcrLint.Policy;
using EcrLint.Rules;
using EcrLint.Text;

namespace EcrLint.Tests.Rules.Endpoints;

/// <summary>
/// Builds a <see cref="VpcScope"/> as a front end would, over a fake file in which every fact has its own line
/// (its label, e.g. <c>EcrDkr/PrivateDnsEnabled</c>): a finding's location is checked by the label it covers.
/// Facts left at their default point at the endpoint's or workload's own line, as the front ends do.
/// </summary>
public sealed class VpcBuilder
{
    private readonly string _name;
    private readonly List<EndpointSpec> _endpoints = new();
    private readonly List<WorkloadSpec> _workloads = new();
    private readonly List<(string Name, string? Upstream)> _pullThrough = new();
    private string? _region;
    private bool? _nat;
    private bool _natSet;
    private bool _isolated;
    private bool _customDns;
    private bool _fixer;

    public VpcBuilder(string name = "Vpc") => _name = name;

    public VpcBuilder InRegion(string? region)
    {
        _region = region;
        return this;
    }

    /// <summary>Sets HasNatGateway (true, false, or null = cannot be known).</summary>
    public VpcBuilder Nat(bool? has)
    {
        _nat = has;
        _natSet = true;
        return this;
    }

    public VpcBuilder NoNat() => Nat(false);

    public VpcBuilder Isolated()
    {
        _isolated = true;
        return this;
    }

    public VpcBuilder CustomDns()
    {
        _customDns = true;
        return this;
    }

    public VpcBuilder PullThroughCache(string name, string? upstream)
    {
        _pullThrough.Add((name, upstream));
        return this;
    }

    /// <summary>Gives the VPC a <see cref="RecordingFixer"/>.</summary>
    public VpcBuilder WithFixer()
    {
        _fixer = true;
        return this;
    }

    /// <summary>An endpoint with a written service name (a <c>${AWS::Region}</c> name is read as a template's <c>!Sub</c>).</summary>
    public VpcBuilder Endpoint(string name, string? serviceName, EndpointType type = EndpointType.Interface, Action<EndpointSpec>? configure = null)
    {
        var spec = new EndpointSpec(name) { ServiceName = serviceName, Type = type };
        configure?.Invoke(spec);
        _endpoints.Add(spec);
        return this;
    }

    /// <summary>An interface endpoint with private DNS on and 443 admitted, for a service in us-east-1.</summary>
    public VpcBuilder Interface(string name, string service, Action<EndpointSpec>? configure = null) =>
        Endpoint(name, "com.amazonaws.us-east-1." + service, EndpointType.Interface, e =>
        {
            e.PrivateDns = true;
            e.Admits443 = true;
            configure?.Invoke(e);
        });

    /// <summary>An S3 gateway endpoint with route tables, in us-east-1.</summary>
    public VpcBuilder S3Gateway(string name = "S3Gateway", Action<EndpointSpec>? configure = null) =>
        Endpoint(name, "com.amazonaws.us-east-1.s3", EndpointType.Gateway, e =>
        {
            e.RouteTables = true;
            configure?.Invoke(e);
        });

    /// <summary>ecr.api, ecr.dkr and the S3 gateway endpoint, all correct.</summary>
    public VpcBuilder EcrSet() => Interface("EcrApi", "ecr.api").Interface("EcrDkr", "ecr.dkr").S3Gateway();

    public VpcBuilder Workload(string name, Action<WorkloadSpec>? configure = null)
    {
        var spec = new WorkloadSpec(name);
        configure?.Invoke(spec);
        _workloads.Add(spec);
        return this;
    }

    /// <summary>A Fargate service pulling a private us-east-1 image.</summary>
    public VpcBuilder FargateApp(string name = "App", Action<WorkloadSpec>? configure = null) =>
        Workload(name, w =>
        {
            w.LaunchType = LaunchType.Fargate;
            w.Image("111122223333.dkr.ecr.us-east-1.amazonaws.com/app:1", ImageSource.PrivateEcr, "us-east-1");
            configure?.Invoke(w);
        });

    public Built Build()
    {
        var labels = new List<string> { _name, _name + "/HasNatGateway", _name + "/DhcpOptions" };
        foreach (var (n, _) in _pullThrough) labels.Add(n);
        foreach (var e in _endpoints) labels.AddRange(e.Labels());
        foreach (var w in _workloads) labels.AddRange(w.Labels());

        var sb = new StringBuilder();
        var spans = new Dictionary<string, TextSpan>(StringComparer.Ordinal);
        foreach (var label in labels.Distinct())
        {
            spans[label] = new TextSpan(sb.Length, label.Length);
            sb.Append(label).Append('\n');
        }

        var policyTexts = new Dictionary<string, TextSpan>();
        foreach (var e in _endpoints.Where(e => e.PolicyJson is not null))
        {
            policyTexts[e.Name] = new TextSpan(sb.Length, e.PolicyJson!.Length);
            sb.Append(e.PolicyJson).Append('\n');
        }

        var doc = new SourceDocument("vpc.fake", sb.ToString());
        SourceLocation L(string label) => doc.GetLocation(spans[label]);

        var vpc = new VpcScope(_name, L(_name))
        {
            Region = new Fact<string?>(_region, null),
            OnlyIsolatedSubnets = _isolated,
            CustomDns = _customDns ? L(_name + "/DhcpOptions") : null,
        };
        if (_natSet) vpc.HasNatGateway = new Fact<bool?>(_nat, L(_name + "/HasNatGateway"));
        foreach (var (n, upstream) in _pullThrough) vpc.PullThroughCacheRules.Add(new PullThroughCacheRuleModel(n, L(n), upstream));
        foreach (var spec in _endpoints) vpc.Endpoints.Add(spec.Create(L, doc, policyTexts));
        foreach (var spec in _workloads) vpc.Workloads.Add(spec.Create(L));
        var fixer = _fixer ? new RecordingFixer(doc) : null;
        vpc.Fixer = fixer;
        return new Built(vpc, doc, fixer, policyTexts);
    }

    public sealed class EndpointSpec
    {
        public EndpointSpec(string name) => Name = name;

        public string Name { get; }
        public string? ServiceName { get; set; }

        /// <summary>A typed service (CDK <c>InterfaceVpcEndpointAwsService.ECR_DOCKER</c>): no written name.</summary>
        public string? TypedService { get; set; }

        public EndpointType? Type { get; set; }
        public bool TypeIsDefault { get; set; }
        public bool? PrivateDns { get; set; }
        public bool PrivateDnsIsDefault { get; set; }
        public bool? RouteTables { get; set; }
        public bool RouteTablesIsDefault { get; set; }
        public bool? Admits443 { get; set; }

        /// <summary>A policy written as JSON (bound, fingerprinted by its text without whitespace).</summary>
        public string? PolicyJson { get; set; }

        public bool PolicyUnknown { get; set; }

        internal IEnumerable<string> Labels()
        {
            yield return Name;
            foreach (var p in new[] { "ServiceName", "VpcEndpointType", "PrivateDnsEnabled", "RouteTableIds", "SecurityGroupIds", "PolicyDocument" })
                yield return Name + "/" + p;
        }

        internal EndpointModel Create(Func<string, SourceLocation> at, SourceDocument doc, Dictionary<string, TextSpan> policies)
        {
            var e = new EndpointModel(Name, at(Name));
            if (TypedService is not null)
            {
                e.Service = new EndpointService("com.amazonaws", null, TypedService);
            }
            else if (ServiceName is not null)
            {
                const string symbolic = "${AWS::Region}";
                if (ServiceName.Contains(symbolic, StringComparison.Ordinal))
                {
                    e.ServiceName = new Fact<string?>(null, at(Name + "/ServiceName"));
                    var parsed = EndpointService.TryParse(ServiceName.Replace(symbolic, "\u0001"));
                    e.Service = parsed is null || parsed.Region != "\u0001" ? null : new EndpointService(parsed.Prefix, null, parsed.Service);
                }
                else
                {
                    e.ServiceName = new Fact<string?>(ServiceName, at(Name + "/ServiceName"));
                    e.Service = EndpointService.TryParse(ServiceName);
                }
            }

            if (Type is { } type) e.Type = new Fact<EndpointType>(type, TypeIsDefault ? at(Name) : at(Name + "/VpcEndpointType"), TypeIsDefault);
            if (PrivateDns is not null || PrivateDnsIsDefault)
                e.PrivateDns = new Fact<bool?>(PrivateDnsIsDefault ? false : PrivateDns, PrivateDnsIsDefault ? at(Name) : at(Name + "/PrivateDnsEnabled"), PrivateDnsIsDefault);
            if (RouteTables is not null || RouteTablesIsDefault)
                e.HasRouteTables = new Fact<bool?>(RouteTablesIsDefault ? false : RouteTables, RouteTablesIsDefault ? at(Name) : at(Name + "/RouteTableIds"), RouteTablesIsDefault);
            if (Admits443 is not null) e.Admits443 = new Fact<bool?>(Admits443, at(Name + "/SecurityGroupIds"));
            if (PolicyUnknown)
            {
                e.PolicyLocation = at(Name + "/PolicyDocument");
                e.PolicyUnknown = true;
            }
            else if (PolicyJson is not null)
            {
                e.PolicyLocation = at(Name + "/PolicyDocument");

                // The policy text is a piece of the fake file, as a policy inside a template is.
                var span = policies[Name];
                var offsets = Enumerable.Range(span.Start, PolicyJson.Length + 1).ToArray();
                var policyDoc = doc.CreateEmbedded(PolicyJson, offsets);
                if (JsonParser.Parse(policyDoc).Root is JsonObject root) e.Policy = PolicyBinder.Bind(root);
                e.PolicyFingerprint = new string(PolicyJson.Where(c => !char.IsWhiteSpace(c)).ToArray());
            }

            return e;
        }
    }

    public sealed class WorkloadSpec
    {
        private readonly List<(string? Text, ImageSource Source, string? Region, string? Registry)> _images = new();

        public WorkloadSpec(string name) => Name = name;

        public string Name { get; }
        public LaunchType LaunchType { get; set; }

        /// <summary>Written platform version; <see cref="PlatformVersionUnknown"/> for a computed one.</summary>
        public string? PlatformVersion { get; set; }

        public bool PlatformVersionUnknown { get; set; }
        public string? OperatingSystemFamily { get; set; }
        public bool AwsLogs { get; set; }

        public WorkloadSpec Image(string? text, ImageSource source, string? region = null, string? registry = null)
        {
            _images.Add((text, source, region, registry));
            return this;
        }

        internal IEnumerable<string> Labels()
        {
            yield return Name;
            yield return Name + "/PlatformVersion";
            yield return Name + "/OperatingSystemFamily";
            yield return Name + "/LogDriver";
            for (var i = 0; i < _images.Count; i++) yield return Name + "/Image" + i;
        }

        internal WorkloadModel Create(Func<string, SourceLocation> at)
        {
            var w = new WorkloadModel(Name, at(Name)) { LaunchType = LaunchType };
            if (PlatformVersion is not null || PlatformVersionUnknown) w.PlatformVersion = new Fact<string?>(PlatformVersion, at(Name + "/PlatformVersion"));
            if (OperatingSystemFamily is not null) w.OperatingSystemFamily = new Fact<string?>(OperatingSystemFamily, at(Name + "/OperatingSystemFamily"));
            if (AwsLogs) w.AwsLogs = at(Name + "/LogDriver");
            for (var i = 0; i < _images.Count; i++)
            {
                var (text, source, region, registry) = _images[i];
                w.Images.Add(new ImageReference(text, source, at(Name + "/Image" + i), region) { Registry = registry });
            }

            return w;
        }
    }

    public sealed record Built(VpcScope Vpc, SourceDocument Document, RecordingFixer? Fixer, IReadOnlyDictionary<string, TextSpan> Policies)
    {
        /// <summary>Runs every endpoint rule (strict mode: every rule on, warnings as errors).</summary>
        public List<Finding> Run(string? region = null, LintMode mode = LintMode.Strict) =>
            EndpointRule.Run(Vpc, new LintContext { Region = region, Severities = new SeverityPolicy(mode) });

        /// <summary>The label a location covers; inside an endpoint's policy, <c>EcrDkr/Policy:"Statement"</c>.</summary>
        public string LabelOf(SourceLocation location)
        {
            var span = location.FileSpan;
            var text = Document.Text.Substring(span.Start, span.Length);
            foreach (var (name, policy) in Policies)
            {
                if (span.Start >= policy.Start && span.End <= policy.End) return $"{name}/Policy:{text}";
            }

            return text;
        }
    }
}

/// <summary>Records what the rules ask the front end to fix; each fix replaces the endpoint's or VPC's label.</summary>
public sealed class RecordingFixer : IEndpointFixer
{
    private readonly SourceDocument _doc;

    public RecordingFixer(SourceDocument doc) => _doc = doc;

    public List<string> Calls { get; } = new();

    public Fix? AddEndpoints(VpcScope vpc, IReadOnlyList<string> services, EndpointType type, string title)
    {
        Calls.Add($"AddEndpoints({vpc.Name}: {string.Join(",", services)} {type})");
        return new Fix(title, _doc, new TextEdit(new TextSpan(vpc.Location.Span.End, 0), $" +{string.Join(",", services)}:{type}"), "AddEndpoints");
    }

    public Fix? EnablePrivateDns(EndpointModel endpoint, string title)
    {
        Calls.Add($"EnablePrivateDns({endpoint.Name})");
        return new Fix(title, _doc, new TextEdit(endpoint.Location.Span, endpoint.Name + " dns"), "EnablePrivateDns");
    }

    public Fix? SetServiceName(EndpointModel endpoint, string serviceName, string title)
    {
        Calls.Add($"SetServiceName({endpoint.Name}: {serviceName})");
        return new Fix(title, _doc, new TextEdit(endpoint.Location.Span, serviceName), "SetServiceName");
    }
}

/// <summary>Assertions over endpoint findings: which rule, at which label.</summary>
public static class EndpointAssert
{
    /// <summary>The findings of <paramref name="ruleId"/> are exactly at <paramref name="labels"/> (in any order).</summary>
    public static List<Finding> Fires(this VpcBuilder.Built built, string ruleId, params string[] labels) =>
        FiresIn(built, null, ruleId, labels);

    public static List<Finding> FiresIn(this VpcBuilder.Built built, string? region, string ruleId, params string[] labels)
    {
        var findings = built.Run(region).Where(f => f.RuleId == ruleId).ToList();
        var actual = findings.Select(f => built.LabelOf(f.Location)).Order(StringComparer.Ordinal).ToList();
        Assert.True(labels.Order(StringComparer.Ordinal).SequenceEqual(actual),
            $"{ruleId}: expected at [{string.Join(", ", labels)}], got [{string.Join(", ", actual)}]\n" + string.Join("\n", findings.Select(f => "  " + f.Message)));
        return findings;
    }

    public static void Silent(this VpcBuilder.Built built, params string[] ruleIds) => SilentIn(built, null, ruleIds);

    public static void SilentIn(this VpcBuilder.Built built, string? region, params string[] ruleIds)
    {
        var hits = built.Run(region).Where(f => ruleIds.Contains(f.RuleId)).ToList();
        Assert.True(hits.Count == 0, "Unexpected findings:\n" + string.Join("\n", hits.Select(f => $"  {f.RuleId} at {built.LabelOf(f.Location)}: {f.Message}")));
    }
}
