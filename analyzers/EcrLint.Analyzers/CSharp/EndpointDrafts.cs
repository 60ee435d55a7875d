using System.Collections.Generic;
using EcrLint.Endpoints;
using Microsoft.CodeAnalysis;

namespace EcrLint.Analyzers.CSharp;

/// <summary>A fact read from C# (a value, where it is written, whether it is the platform's default); turned into an engine <see cref="Fact{T}"/> at the end of the type.</summary>
internal sealed class FactDraft<T>
{
    public FactDraft(T value, SourcePlace? place, bool isDefault = false)
    {
        Value = value;
        Place = place;
        IsDefault = isDefault;
    }

    public T Value { get; }
    public SourcePlace? Place { get; }
    public bool IsDefault { get; }
}

/// <summary>A VPC created or referenced in the type.</summary>
internal sealed class VpcDraft
{
    public VpcDraft(NodeKey key, string name, SourcePlace place)
    {
        Key = key;
        Name = name;
        Place = place;
    }

    public NodeKey Key { get; }
    public string Name { get; }

    /// <summary>Where findings about the VPC go: the name it is declared with, or the expression that creates it.</summary>
    public SourcePlace Place { get; }

    public FactDraft<bool?>? HasNatGateway { get; set; }
    public bool OnlyIsolatedSubnets { get; set; }
}

/// <summary>How an endpoint is written (for code fixes): a CDK L2 construct, a CDK L1 <c>CfnVPCEndpoint</c>, an SDK request.</summary>
internal enum EndpointApi
{
    CdkL2,
    CdkL1,
    Sdk,
}

/// <summary>A VPC endpoint as the code creates it.</summary>
internal sealed class EndpointDraft
{
    public EndpointDraft(string name, SourcePlace place, EndpointApi api)
    {
        Name = name;
        Place = place;
        Api = api;
    }

    public string Name { get; }
    public SourcePlace Place { get; }
    public EndpointApi Api { get; }

    /// <summary>The VPC it is attached to (<c>Vpc = vpc</c>, the receiver of <c>vpc.Add...</c>, the <c>VpcId</c>).</summary>
    public NodeKey? Vpc { get; set; }

    /// <summary>Where the VPC is named for this endpoint.</summary>
    public SourcePlace? VpcUse { get; set; }

    public ISymbol? StoredIn { get; set; }
    public ServiceInfo? Service { get; set; }

    /// <summary>The service name as the rules read it (a literal, or with <c>${AWS::Region}</c> for the stack's region); null for a typed CDK service.</summary>
    public FactDraft<string?>? ServiceName { get; set; }

    public FactDraft<EndpointType>? Type { get; set; }
    public FactDraft<bool?>? PrivateDns { get; set; }
    public FactDraft<bool?>? Admits443 { get; set; }
    public FactDraft<bool?>? HasRouteTables { get; set; }

    /// <summary>The CDK statements group or document that is its policy (<c>AddToPolicy</c>, <c>PolicyDocument = new PolicyDocument(...)</c>).</summary>
    public NodeKey? PolicyGroup { get; set; }

    /// <summary>A JSON policy written as a string, when the code shows its text, mapped to its characters in the code.</summary>
    public MappedString? PolicyJson { get; set; }

    public SourcePlace? PolicyPlace { get; set; }
    public bool PolicyUnknown { get; set; }
}

internal sealed class ImageDraft
{
    public ImageDraft(string? text, ImageSource source, SourcePlace place)
    {
        Text = text;
        Source = source;
        Place = place;
    }

    public string? Text { get; }

    /// <summary>Unknown means: classify <see cref="Text"/> when it is set.</summary>
    public ImageSource Source { get; }

    public SourcePlace Place { get; }
}

/// <summary>An ECS task definition with its containers' images and log drivers.</summary>
internal sealed class TaskDefinitionDraft
{
    public TaskDefinitionDraft(NodeKey key, string name, SourcePlace place, LaunchType launchType)
    {
        Key = key;
        Name = name;
        Place = place;
        LaunchType = launchType;
    }

    public NodeKey Key { get; }
    public string Name { get; }
    public SourcePlace Place { get; }
    public LaunchType LaunchType { get; }
    public FactDraft<string?>? OperatingSystemFamily { get; set; }
}

internal sealed class ContainerDraft
{
    public ContainerDraft(NodeKey taskDefinition)
    {
        TaskDefinition = taskDefinition;
    }

    public NodeKey TaskDefinition { get; }
    public List<ImageDraft> Images { get; } = new();
    public SourcePlace? AwsLogs { get; set; }
}

/// <summary>An ECS service, or EC2 capacity of a cluster.</summary>
internal sealed class ServiceDraft
{
    public ServiceDraft(string name, SourcePlace place, LaunchType launchType)
    {
        Name = name;
        Place = place;
        LaunchType = launchType;
    }

    public string Name { get; }
    public SourcePlace Place { get; }
    public LaunchType LaunchType { get; }
    public NodeKey? TaskDefinition { get; set; }
    public NodeKey? Cluster { get; set; }
    public FactDraft<string?>? PlatformVersion { get; set; }
}

internal sealed class ClusterDraft
{
    public ClusterDraft(NodeKey key)
    {
        Key = key;
    }

    public NodeKey Key { get; }
    public NodeKey? Vpc { get; set; }
    public SourcePlace? VpcUse { get; set; }
}

internal sealed class PullThroughCacheDraft
{
    public PullThroughCacheDraft(string name, SourcePlace place, string? upstream)
    {
        Name = name;
        Place = place;
        Upstream = upstream;
    }

    public string Name { get; }
    public SourcePlace Place { get; }
    public string? Upstream { get; }
}
