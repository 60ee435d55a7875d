using Microsoft.CodeAnalysis;

namespace EcrLint.Analyzers.CSharp;

/// <summary>
/// The AWS CDK and AWS SDK for .NET types the C# analyzers read, resolved once per compilation by metadata
/// name. A type the compilation does not reference is null; when neither library is referenced the analyzers
/// register nothing.
/// </summary>
internal sealed class AwsSymbols
{
    private AwsSymbols(Compilation c)
    {
        // AWS CDK IAM.
        PolicyStatement = c.GetTypeByMetadataName("Amazon.CDK.AWS.IAM.PolicyStatement");
        PolicyStatementProps = c.GetTypeByMetadataName("Amazon.CDK.AWS.IAM.PolicyStatementProps");
        PolicyDocument = c.GetTypeByMetadataName("Amazon.CDK.AWS.IAM.PolicyDocument");
        PolicyDocumentProps = c.GetTypeByMetadataName("Amazon.CDK.AWS.IAM.PolicyDocumentProps");
        IamEffect = c.GetTypeByMetadataName("Amazon.CDK.AWS.IAM.Effect");
        IamRole = c.GetTypeByMetadataName("Amazon.CDK.AWS.IAM.Role");
        IamPolicy = c.GetTypeByMetadataName("Amazon.CDK.AWS.IAM.Policy");
        IamManagedPolicy = c.GetTypeByMetadataName("Amazon.CDK.AWS.IAM.ManagedPolicy");
        IamPolicyProps = c.GetTypeByMetadataName("Amazon.CDK.AWS.IAM.PolicyProps");
        IamManagedPolicyProps = c.GetTypeByMetadataName("Amazon.CDK.AWS.IAM.ManagedPolicyProps");
        IamRoleProps = c.GetTypeByMetadataName("Amazon.CDK.AWS.IAM.RoleProps");
        IPrincipal = c.GetTypeByMetadataName("Amazon.CDK.AWS.IAM.IPrincipal");
        AnyPrincipal = c.GetTypeByMetadataName("Amazon.CDK.AWS.IAM.AnyPrincipal");
        StarPrincipal = c.GetTypeByMetadataName("Amazon.CDK.AWS.IAM.StarPrincipal");
        ArnPrincipal = c.GetTypeByMetadataName("Amazon.CDK.AWS.IAM.ArnPrincipal");
        AccountPrincipal = c.GetTypeByMetadataName("Amazon.CDK.AWS.IAM.AccountPrincipal");
        AccountRootPrincipal = c.GetTypeByMetadataName("Amazon.CDK.AWS.IAM.AccountRootPrincipal");
        ServicePrincipal = c.GetTypeByMetadataName("Amazon.CDK.AWS.IAM.ServicePrincipal");
        FederatedPrincipal = c.GetTypeByMetadataName("Amazon.CDK.AWS.IAM.FederatedPrincipal");
        CanonicalUserPrincipal = c.GetTypeByMetadataName("Amazon.CDK.AWS.IAM.CanonicalUserPrincipal");

        // AWS CDK EC2.
        InterfaceVpcEndpoint = c.GetTypeByMetadataName("Amazon.CDK.AWS.EC2.InterfaceVpcEndpoint");
        GatewayVpcEndpoint = c.GetTypeByMetadataName("Amazon.CDK.AWS.EC2.GatewayVpcEndpoint");
        VpcEndpoint = c.GetTypeByMetadataName("Amazon.CDK.AWS.EC2.VpcEndpoint");
        InterfaceVpcEndpointProps = c.GetTypeByMetadataName("Amazon.CDK.AWS.EC2.InterfaceVpcEndpointProps");
        InterfaceVpcEndpointOptions = c.GetTypeByMetadataName("Amazon.CDK.AWS.EC2.InterfaceVpcEndpointOptions");
        GatewayVpcEndpointProps = c.GetTypeByMetadataName("Amazon.CDK.AWS.EC2.GatewayVpcEndpointProps");
        GatewayVpcEndpointOptions = c.GetTypeByMetadataName("Amazon.CDK.AWS.EC2.GatewayVpcEndpointOptions");
        InterfaceVpcEndpointAwsService = c.GetTypeByMetadataName("Amazon.CDK.AWS.EC2.InterfaceVpcEndpointAwsService");
        InterfaceVpcEndpointService = c.GetTypeByMetadataName("Amazon.CDK.AWS.EC2.InterfaceVpcEndpointService");
        GatewayVpcEndpointAwsService = c.GetTypeByMetadataName("Amazon.CDK.AWS.EC2.GatewayVpcEndpointAwsService");
        Vpc = c.GetTypeByMetadataName("Amazon.CDK.AWS.EC2.Vpc");
        IVpc = c.GetTypeByMetadataName("Amazon.CDK.AWS.EC2.IVpc");
        VpcProps = c.GetTypeByMetadataName("Amazon.CDK.AWS.EC2.VpcProps");
        SubnetConfiguration = c.GetTypeByMetadataName("Amazon.CDK.AWS.EC2.SubnetConfiguration");
        SubnetType = c.GetTypeByMetadataName("Amazon.CDK.AWS.EC2.SubnetType");
        Connections = c.GetTypeByMetadataName("Amazon.CDK.AWS.EC2.Connections_");
        CfnVpcEndpoint = c.GetTypeByMetadataName("Amazon.CDK.AWS.EC2.CfnVPCEndpoint");
        CfnVpcEndpointProps = c.GetTypeByMetadataName("Amazon.CDK.AWS.EC2.CfnVPCEndpointProps");

        // AWS CDK core, ECS, ECR.
        Stack = c.GetTypeByMetadataName("Amazon.CDK.Stack");
        StackProps = c.GetTypeByMetadataName("Amazon.CDK.StackProps");
        CdkEnvironment = c.GetTypeByMetadataName("Amazon.CDK.Environment");
        TaskDefinition = c.GetTypeByMetadataName("Amazon.CDK.AWS.ECS.TaskDefinition");
        FargateTaskDefinition = c.GetTypeByMetadataName("Amazon.CDK.AWS.ECS.FargateTaskDefinition");
        Ec2TaskDefinition = c.GetTypeByMetadataName("Amazon.CDK.AWS.ECS.Ec2TaskDefinition");
        FargateTaskDefinitionProps = c.GetTypeByMetadataName("Amazon.CDK.AWS.ECS.FargateTaskDefinitionProps");
        Ec2TaskDefinitionProps = c.GetTypeByMetadataName("Amazon.CDK.AWS.ECS.Ec2TaskDefinitionProps");
        RuntimePlatform = c.GetTypeByMetadataName("Amazon.CDK.AWS.ECS.RuntimePlatform");
        OperatingSystemFamily = c.GetTypeByMetadataName("Amazon.CDK.AWS.ECS.OperatingSystemFamily");
        ContainerDefinitionOptions = c.GetTypeByMetadataName("Amazon.CDK.AWS.ECS.ContainerDefinitionOptions");
        ContainerImage = c.GetTypeByMetadataName("Amazon.CDK.AWS.ECS.ContainerImage");
        LogDrivers = c.GetTypeByMetadataName("Amazon.CDK.AWS.ECS.LogDrivers");
        LogDriver = c.GetTypeByMetadataName("Amazon.CDK.AWS.ECS.LogDriver");
        FargateService = c.GetTypeByMetadataName("Amazon.CDK.AWS.ECS.FargateService");
        Ec2Service = c.GetTypeByMetadataName("Amazon.CDK.AWS.ECS.Ec2Service");
        FargateServiceProps = c.GetTypeByMetadataName("Amazon.CDK.AWS.ECS.FargateServiceProps");
        Ec2ServiceProps = c.GetTypeByMetadataName("Amazon.CDK.AWS.ECS.Ec2ServiceProps");
        FargatePlatformVersion = c.GetTypeByMetadataName("Amazon.CDK.AWS.ECS.FargatePlatformVersion");
        Cluster = c.GetTypeByMetadataName("Amazon.CDK.AWS.ECS.Cluster");
        ClusterProps = c.GetTypeByMetadataName("Amazon.CDK.AWS.ECS.ClusterProps");
        CfnPullThroughCacheRule = c.GetTypeByMetadataName("Amazon.CDK.AWS.ECR.CfnPullThroughCacheRule");
        CfnPullThroughCacheRuleProps = c.GetTypeByMetadataName("Amazon.CDK.AWS.ECR.CfnPullThroughCacheRuleProps");

        // AWS SDK for .NET.
        CreateVpcEndpointRequest = c.GetTypeByMetadataName("Amazon.EC2.Model.CreateVpcEndpointRequest");
        ModifyVpcEndpointRequest = c.GetTypeByMetadataName("Amazon.EC2.Model.ModifyVpcEndpointRequest");
        SdkVpcEndpointType = c.GetTypeByMetadataName("Amazon.EC2.VpcEndpointType");
    }

    public INamedTypeSymbol? PolicyStatement { get; }
    public INamedTypeSymbol? PolicyStatementProps { get; }
    public INamedTypeSymbol? PolicyDocument { get; }
    public INamedTypeSymbol? PolicyDocumentProps { get; }
    public INamedTypeSymbol? IamEffect { get; }
    public INamedTypeSymbol? IamRole { get; }
    public INamedTypeSymbol? IamPolicy { get; }
    public INamedTypeSymbol? IamManagedPolicy { get; }
    public INamedTypeSymbol? IamPolicyProps { get; }
    public INamedTypeSymbol? IamManagedPolicyProps { get; }
    public INamedTypeSymbol? IamRoleProps { get; }
    public INamedTypeSymbol? IPrincipal { get; }
    public INamedTypeSymbol? AnyPrincipal { get; }
    public INamedTypeSymbol? StarPrincipal { get; }
    public INamedTypeSymbol? ArnPrincipal { get; }
    public INamedTypeSymbol? AccountPrincipal { get; }
    public INamedTypeSymbol? AccountRootPrincipal { get; }
    public INamedTypeSymbol? ServicePrincipal { get; }
    public INamedTypeSymbol? FederatedPrincipal { get; }
    public INamedTypeSymbol? CanonicalUserPrincipal { get; }

    public INamedTypeSymbol? InterfaceVpcEndpoint { get; }
    public INamedTypeSymbol? GatewayVpcEndpoint { get; }
    public INamedTypeSymbol? VpcEndpoint { get; }
    public INamedTypeSymbol? InterfaceVpcEndpointProps { get; }
    public INamedTypeSymbol? InterfaceVpcEndpointOptions { get; }
    public INamedTypeSymbol? GatewayVpcEndpointProps { get; }
    public INamedTypeSymbol? GatewayVpcEndpointOptions { get; }
    public INamedTypeSymbol? InterfaceVpcEndpointAwsService { get; }
    public INamedTypeSymbol? InterfaceVpcEndpointService { get; }
    public INamedTypeSymbol? GatewayVpcEndpointAwsService { get; }
    public INamedTypeSymbol? Vpc { get; }
    public INamedTypeSymbol? IVpc { get; }
    public INamedTypeSymbol? VpcProps { get; }
    public INamedTypeSymbol? SubnetConfiguration { get; }
    public INamedTypeSymbol? SubnetType { get; }
    public INamedTypeSymbol? Connections { get; }
    public INamedTypeSymbol? CfnVpcEndpoint { get; }
    public INamedTypeSymbol? CfnVpcEndpointProps { get; }

    public INamedTypeSymbol? Stack { get; }
    public INamedTypeSymbol? StackProps { get; }
    public INamedTypeSymbol? CdkEnvironment { get; }
    public INamedTypeSymbol? TaskDefinition { get; }
    public INamedTypeSymbol? FargateTaskDefinition { get; }
    public INamedTypeSymbol? Ec2TaskDefinition { get; }
    public INamedTypeSymbol? FargateTaskDefinitionProps { get; }
    public INamedTypeSymbol? Ec2TaskDefinitionProps { get; }
    public INamedTypeSymbol? RuntimePlatform { get; }
    public INamedTypeSymbol? OperatingSystemFamily { get; }
    public INamedTypeSymbol? ContainerDefinitionOptions { get; }
    public INamedTypeSymbol? ContainerImage { get; }
    public INamedTypeSymbol? LogDrivers { get; }
    public INamedTypeSymbol? LogDriver { get; }
    public INamedTypeSymbol? FargateService { get; }
    public INamedTypeSymbol? Ec2Service { get; }
    public INamedTypeSymbol? FargateServiceProps { get; }
    public INamedTypeSymbol? Ec2ServiceProps { get; }
    public INamedTypeSymbol? FargatePlatformVersion { get; }
    public INamedTypeSymbol? Cluster { get; }
    public INamedTypeSymbol? ClusterProps { get; }
    public INamedTypeSymbol? CfnPullThroughCacheRule { get; }
    public INamedTypeSymbol? CfnPullThroughCacheRuleProps { get; }

    public INamedTypeSymbol? CreateVpcEndpointRequest { get; }
    public INamedTypeSymbol? ModifyVpcEndpointRequest { get; }
    public INamedTypeSymbol? SdkVpcEndpointType { get; }

    /// <summary>The AWS CDK (its IAM and EC2 modules) is referenced.</summary>
    public bool HasCdk => PolicyStatement is not null || InterfaceVpcEndpoint is not null;

    /// <summary>The AWS SDK for .NET's EC2 client is referenced.</summary>
    public bool HasSdk => CreateVpcEndpointRequest is not null || ModifyVpcEndpointRequest is not null;

    public bool HasAny => HasCdk || HasSdk;

    public static AwsSymbols Create(Compilation compilation) => new(compilation);

    /// <summary>True when <paramref name="type"/> is <paramref name="target"/> or derives from it.</summary>
    public static bool Is(ITypeSymbol? type, INamedTypeSymbol? target)
    {
        if (type is null || target is null) return false;
        for (var t = type; t is not null; t = t.BaseType)
        {
            if (SymbolEqualityComparer.Default.Equals(t.OriginalDefinition, target)) return true;
        }

        return false;
    }

    /// <summary>True when <paramref name="type"/> is <paramref name="target"/> or implements it (for interfaces).</summary>
    public static bool Implements(ITypeSymbol? type, INamedTypeSymbol? target)
    {
        if (type is null || target is null) return false;
        if (Is(type, target)) return true;
        foreach (var i in type.AllInterfaces)
        {
            if (SymbolEqualityComparer.Default.Equals(i.OriginalDefinition, target)) return true;
        }

        return false;
    }
}
