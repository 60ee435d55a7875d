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
        // Every CDK type is in the assembly of Amazon.CDK.Stack (Amazon.CDK.Lib): looked up there, not in every reference.
        var cdk = c.GetTypeByMetadataName("Amazon.CDK.Stack")?.ContainingAssembly;
        INamedTypeSymbol? Cdk(string name) => cdk?.GetTypeByMetadataName(name);

        // AWS CDK IAM.
        PolicyStatement = Cdk("Amazon.CDK.AWS.IAM.PolicyStatement");
        PolicyStatementProps = Cdk("Amazon.CDK.AWS.IAM.PolicyStatementProps");
        PolicyDocument = Cdk("Amazon.CDK.AWS.IAM.PolicyDocument");
        PolicyDocumentProps = Cdk("Amazon.CDK.AWS.IAM.PolicyDocumentProps");
        IamEffect = Cdk("Amazon.CDK.AWS.IAM.Effect");
        IamRole = Cdk("Amazon.CDK.AWS.IAM.Role");
        IamPolicy = Cdk("Amazon.CDK.AWS.IAM.Policy");
        IamManagedPolicy = Cdk("Amazon.CDK.AWS.IAM.ManagedPolicy");
        IamPolicyProps = Cdk("Amazon.CDK.AWS.IAM.PolicyProps");
        IamManagedPolicyProps = Cdk("Amazon.CDK.AWS.IAM.ManagedPolicyProps");
        IamRoleProps = Cdk("Amazon.CDK.AWS.IAM.RoleProps");
        IPrincipal = Cdk("Amazon.CDK.AWS.IAM.IPrincipal");
        AnyPrincipal = Cdk("Amazon.CDK.AWS.IAM.AnyPrincipal");
        StarPrincipal = Cdk("Amazon.CDK.AWS.IAM.StarPrincipal");
        ArnPrincipal = Cdk("Amazon.CDK.AWS.IAM.ArnPrincipal");
        AccountPrincipal = Cdk("Amazon.CDK.AWS.IAM.AccountPrincipal");
        AccountRootPrincipal = Cdk("Amazon.CDK.AWS.IAM.AccountRootPrincipal");
        ServicePrincipal = Cdk("Amazon.CDK.AWS.IAM.ServicePrincipal");
        FederatedPrincipal = Cdk("Amazon.CDK.AWS.IAM.FederatedPrincipal");
        CanonicalUserPrincipal = Cdk("Amazon.CDK.AWS.IAM.CanonicalUserPrincipal");

        // AWS CDK EC2.
        InterfaceVpcEndpoint = Cdk("Amazon.CDK.AWS.EC2.InterfaceVpcEndpoint");
        GatewayVpcEndpoint = Cdk("Amazon.CDK.AWS.EC2.GatewayVpcEndpoint");
        VpcEndpoint = Cdk("Amazon.CDK.AWS.EC2.VpcEndpoint");
        InterfaceVpcEndpointProps = Cdk("Amazon.CDK.AWS.EC2.InterfaceVpcEndpointProps");
        InterfaceVpcEndpointOptions = Cdk("Amazon.CDK.AWS.EC2.InterfaceVpcEndpointOptions");
        GatewayVpcEndpointProps = Cdk("Amazon.CDK.AWS.EC2.GatewayVpcEndpointProps");
        GatewayVpcEndpointOptions = Cdk("Amazon.CDK.AWS.EC2.GatewayVpcEndpointOptions");
        InterfaceVpcEndpointAwsService = Cdk("Amazon.CDK.AWS.EC2.InterfaceVpcEndpointAwsService");
        InterfaceVpcEndpointService = Cdk("Amazon.CDK.AWS.EC2.InterfaceVpcEndpointService");
        GatewayVpcEndpointAwsService = Cdk("Amazon.CDK.AWS.EC2.GatewayVpcEndpointAwsService");
        Vpc = Cdk("Amazon.CDK.AWS.EC2.Vpc");
        IVpc = Cdk("Amazon.CDK.AWS.EC2.IVpc");
        VpcProps = Cdk("Amazon.CDK.AWS.EC2.VpcProps");
        SubnetConfiguration = Cdk("Amazon.CDK.AWS.EC2.SubnetConfiguration");
        SubnetType = Cdk("Amazon.CDK.AWS.EC2.SubnetType");
        Connections = Cdk("Amazon.CDK.AWS.EC2.Connections_");
        CfnVpcEndpoint = Cdk("Amazon.CDK.AWS.EC2.CfnVPCEndpoint");
        CfnVpcEndpointProps = Cdk("Amazon.CDK.AWS.EC2.CfnVPCEndpointProps");

        // AWS CDK core, ECS, ECR.
        Stack = Cdk("Amazon.CDK.Stack");
        StackProps = Cdk("Amazon.CDK.StackProps");
        CdkEnvironment = Cdk("Amazon.CDK.Environment");
        TaskDefinition = Cdk("Amazon.CDK.AWS.ECS.TaskDefinition");
        FargateTaskDefinition = Cdk("Amazon.CDK.AWS.ECS.FargateTaskDefinition");
        Ec2TaskDefinition = Cdk("Amazon.CDK.AWS.ECS.Ec2TaskDefinition");
        FargateTaskDefinitionProps = Cdk("Amazon.CDK.AWS.ECS.FargateTaskDefinitionProps");
        Ec2TaskDefinitionProps = Cdk("Amazon.CDK.AWS.ECS.Ec2TaskDefinitionProps");
        RuntimePlatform = Cdk("Amazon.CDK.AWS.ECS.RuntimePlatform");
        OperatingSystemFamily = Cdk("Amazon.CDK.AWS.ECS.OperatingSystemFamily");
        ContainerDefinitionOptions = Cdk("Amazon.CDK.AWS.ECS.ContainerDefinitionOptions");
        ContainerImage = Cdk("Amazon.CDK.AWS.ECS.ContainerImage");
        LogDrivers = Cdk("Amazon.CDK.AWS.ECS.LogDrivers");
        LogDriver = Cdk("Amazon.CDK.AWS.ECS.LogDriver");
        FargateService = Cdk("Amazon.CDK.AWS.ECS.FargateService");
        Ec2Service = Cdk("Amazon.CDK.AWS.ECS.Ec2Service");
        FargateServiceProps = Cdk("Amazon.CDK.AWS.ECS.FargateServiceProps");
        Ec2ServiceProps = Cdk("Amazon.CDK.AWS.ECS.Ec2ServiceProps");
        FargatePlatformVersion = Cdk("Amazon.CDK.AWS.ECS.FargatePlatformVersion");
        Cluster = Cdk("Amazon.CDK.AWS.ECS.Cluster");
        ClusterProps = Cdk("Amazon.CDK.AWS.ECS.ClusterProps");
        CfnPullThroughCacheRule = Cdk("Amazon.CDK.AWS.ECR.CfnPullThroughCacheRule");
        CfnPullThroughCacheRuleProps = Cdk("Amazon.CDK.AWS.ECR.CfnPullThroughCacheRuleProps");

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
