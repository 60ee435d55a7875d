using System;
using System.Collections.Generic;
using EcrLint.Evaluation;
using EcrLint.Policy;
using EcrLint.Text;

namespace EcrLint.Endpoints;

public enum EndpointType
{
    Unknown,
    Interface,
    Gateway,
    GatewayLoadBalancer,
}

/// <summary>A fact read from a source (a template property, a C# argument), with where it is written.</summary>
/// <typeparam name="T">The value's type.</typeparam>
public sealed class Fact<T>
{
    public Fact(T value, SourceLocation? location, bool isDefault = false)
    {
        Value = value;
        Location = location;
        IsDefault = isDefault;
    }

    public T Value { get; }

    /// <summary>Where the value is written; for a default, where it would be written (the resource or constructor).</summary>
    public SourceLocation? Location { get; }

    /// <summary>True when the value is nobody's choice: the source omits it and this is the platform's default.</summary>
    public bool IsDefault { get; }

    public override string ToString() => $"{Value}{(IsDefault ? " (default)" : "")}";
}

/// <summary>A VPC endpoint as a template, C# code or the deployed state describes it.</summary>
public sealed class EndpointModel
{
    public EndpointModel(string name, SourceLocation location)
    {
        Name = name;
        Location = location;
    }

    /// <summary>How messages name it: a logical ID, a variable name, an endpoint ID.</summary>
    public string Name { get; }

    /// <summary>
    /// The analysis of the service name the endpoint rules share (<see cref="EcrLint.Packs.Endpoints.ServiceNames.Of"/>),
    /// for the name it was computed from; kept on the model rather than in a global table every thread would lock.
    /// </summary>
    internal object? ServiceNameAnalysisCache;

    /// <summary>The resource or construct (for findings about the whole endpoint).</summary>
    public SourceLocation Location { get; }

    /// <summary>The service name as written or evaluated (<c>com.amazonaws.us-east-1.ecr.dkr</c>); null when it cannot be known.</summary>
    public Fact<string?>? ServiceName { get; set; }

    /// <summary>The service, parsed from <see cref="ServiceName"/> or given by a typed API (<c>InterfaceVpcEndpointAwsService.ECR_DOCKER</c>).</summary>
    public EndpointService? Service { get; set; }

    public Fact<EndpointType>? Type { get; set; }

    /// <summary>Private DNS: true, false, or null when it cannot be known. <see cref="Fact{T}.IsDefault"/> when omitted.</summary>
    public Fact<bool?>? PrivateDns { get; set; }

    /// <summary>For gateway endpoints: whether route tables are associated (null: cannot be known).</summary>
    public Fact<bool?>? HasRouteTables { get; set; }

    /// <summary>For interface endpoints: whether its security groups admit TCP 443 from the VPC (null: cannot be known).</summary>
    public Fact<bool?>? Admits443 { get; set; }

    /// <summary>The endpoint policy, when one is attached and readable.</summary>
    public PolicyDocument? Policy { get; set; }

    /// <summary>Where the policy is (for messages), when one is attached (even if not readable).</summary>
    public SourceLocation? PolicyLocation { get; set; }

    /// <summary>A canonical text of the policy for comparing two endpoints' policies (ECR016); null when none or unreadable.</summary>
    public string? PolicyFingerprint { get; set; }

    /// <summary>True when a policy is attached but its content cannot be known (a computed value).</summary>
    public bool PolicyUnknown { get; set; }

    public bool IsInterface => Type?.Value == EndpointType.Interface;
    public bool IsGateway => Type?.Value == EndpointType.Gateway;

    public override string ToString() => $"{Name} ({Service?.ToString() ?? ServiceName?.Value ?? "?"})";
}

public enum LaunchType
{
    Unknown,
    Fargate,
    Ec2,
    External,
}

/// <summary>Where an image comes from (ECR008, ECR009, ECR014).</summary>
public enum ImageSource
{
    Unknown,

    /// <summary>A private ECR repository (a repository reference, a <c>*.dkr.ecr.*</c> URI, a CDK image asset).</summary>
    PrivateEcr,

    /// <summary><c>public.ecr.aws</c>.</summary>
    EcrPublic,

    /// <summary>Docker Hub, quay.io, ghcr.io, registry.k8s.io, mcr.microsoft.com, other registries.</summary>
    Upstream,
}

public sealed class ImageReference
{
    public ImageReference(string? text, ImageSource source, SourceLocation location, string? region = null)
    {
        Text = text;
        Source = source;
        Location = location;
        Region = region;
    }

    /// <summary>The image as written (URI), or null for a reference with no literal (a repository object).</summary>
    public string? Text { get; }
    public ImageSource Source { get; }
    public SourceLocation Location { get; }

    /// <summary>The region of a private ECR image, when its URI or ARN says.</summary>
    public string? Region { get; }

    /// <summary>The upstream registry host for <see cref="ImageSource.Upstream"/>/<see cref="ImageSource.EcrPublic"/> images.</summary>
    public string? Registry { get; init; }
}

/// <summary>An ECS task definition or service, or EC2 capacity (anything that pulls images in the VPC).</summary>
public sealed class WorkloadModel
{
    public WorkloadModel(string name, SourceLocation location)
    {
        Name = name;
        Location = location;
    }

    public string Name { get; }
    public SourceLocation Location { get; }

    public LaunchType LaunchType { get; set; }

    /// <summary>The Fargate platform version as written (<c>1.3.0</c>, <c>LATEST</c>), null when omitted (LATEST).</summary>
    public Fact<string?>? PlatformVersion { get; set; }

    /// <summary>The OS family (<c>LINUX</c>, <c>WINDOWS_SERVER_2019_CORE</c> ...), null when omitted (Linux).</summary>
    public Fact<string?>? OperatingSystemFamily { get; set; }

    public bool IsWindows => OperatingSystemFamily?.Value?.StartsWith("WINDOWS", StringComparison.OrdinalIgnoreCase) == true;

    /// <summary>Where the awslogs log driver is configured, when a container uses it.</summary>
    public SourceLocation? AwsLogs { get; set; }

    public List<ImageReference> Images { get; } = new();
}

/// <summary>An ECR pull-through cache rule (ECR014, ECR015).</summary>
public sealed class PullThroughCacheRuleModel
{
    public PullThroughCacheRuleModel(string name, SourceLocation location, string? upstreamRegistry)
    {
        Name = name;
        Location = location;
        UpstreamRegistry = upstreamRegistry;
    }

    public string Name { get; }
    public SourceLocation Location { get; }
    public string? UpstreamRegistry { get; }
}

/// <summary>
/// One VPC and what is attached to it, as one source (a template, a C# type, a describe output) shows it: the
/// scope of the endpoint-set rules (ECR0xx).
/// </summary>
public sealed class VpcScope
{
    public VpcScope(string name, SourceLocation location)
    {
        Name = name;
        Location = location;
    }

    /// <summary>How messages name the VPC: a logical ID, a variable, a VPC ID.</summary>
    public string Name { get; }

    /// <summary>Where the VPC is declared or referenced (findings about missing things point here).</summary>
    public SourceLocation Location { get; }

    /// <summary>The region of the stack/template/deployment, when known.</summary>
    public Fact<string?>? Region { get; set; }

    /// <summary>Whether the VPC has a NAT gateway (or another route to the internet): true, false, null = cannot be known.</summary>
    public Fact<bool?>? HasNatGateway { get; set; }

    /// <summary>True when the workloads run only in isolated subnets (no route to the internet).</summary>
    public bool OnlyIsolatedSubnets { get; set; }

    /// <summary>Where custom DHCP DNS servers are set (ECR017), when they are.</summary>
    public SourceLocation? CustomDns { get; set; }

    public List<EndpointModel> Endpoints { get; } = new();
    public List<WorkloadModel> Workloads { get; } = new();

    /// <summary>Pull-through cache rules in the same source (account-level, so in scope of every VPC there).</summary>
    public List<PullThroughCacheRuleModel> PullThroughCacheRules { get; } = new();

    /// <summary>
    /// How messages write "the stack's own region" inside a service name, in the source's language:
    /// <c>${AWS::Region}</c> for templates (the default), <c>{Aws.REGION}</c> for C#.
    /// </summary>
    public string SymbolicRegionText { get; set; } = "${AWS::Region}";

    /// <summary>The front end's way of building fixes for endpoint findings, when it has one.</summary>
    public IEndpointFixer? Fixer { get; set; }

    public override string ToString() => Name;
}

/// <summary>Builds fixes in the front end's syntax (template JSON/YAML edits); C# fixes are code fixes instead.</summary>
public interface IEndpointFixer
{
    /// <summary>Adds interface or gateway endpoints for the services (e.g. <c>ecr.dkr</c>) next to the existing ones.</summary>
    Fixes.Fix? AddEndpoints(VpcScope vpc, IReadOnlyList<string> services, EndpointType type, string title);

    /// <summary>Sets private DNS on an endpoint.</summary>
    Fixes.Fix? EnablePrivateDns(EndpointModel endpoint, string title);

    /// <summary>Replaces a malformed service name.</summary>
    Fixes.Fix? SetServiceName(EndpointModel endpoint, string serviceName, string title);
}
