using EcrLint.CloudFormation;
using EcrLint.Endpoints;
using EcrLint.Json;
using static EcrLint.Tests.CloudFormation.TemplateTestHelper;

namespace EcrLint.Tests.CloudFormation;

public class TemplateModelTests
{
    /// <summary>The model with every location replaced by the JSON pointer it falls on: equal for the JSON and YAML forms of one template.</summary>
    private static List<string> Projection(TemplateModel model)
    {
        string P(EcrLint.Text.SourceLocation? l) =>
            l is null ? "-" : CfnTemplate.PointerOf(model.Template.Root, l.FileSpan);
        var lines = new List<string>();
        foreach (var v in model.Vpcs)
        {
            lines.Add($"vpc {v.Name} {P(v.Location)} nat={v.HasNatGateway?.Value} {P(v.HasNatGateway?.Location)} isolated={v.OnlyIsolatedSubnets} dns={P(v.CustomDns)}");
            foreach (var e in v.Endpoints)
            {
                lines.Add($"endpoint {e.Name} {P(e.Location)} {e.Service} {e.ServiceName?.Value} {P(e.ServiceName?.Location)}");
                lines.Add($"  type {e.Type} {P(e.Type?.Location)} dns {e.PrivateDns} {P(e.PrivateDns?.Location)} rt {e.HasRouteTables} {P(e.HasRouteTables?.Location)} 443 {e.Admits443} {P(e.Admits443?.Location)}");
                lines.Add($"  policy {e.PolicyFingerprint} {P(e.PolicyLocation)} unknown={e.PolicyUnknown}");
            }

            foreach (var w in v.Workloads)
            {
                lines.Add($"workload {w.Name} {P(w.Location)} {w.LaunchType} {w.PlatformVersion} {w.OperatingSystemFamily} {P(w.AwsLogs)}");
                foreach (var i in w.Images) lines.Add($"  image {i.Source} {i.Text} {i.Region} {i.Registry} {P(i.Location)}");
            }
        }

        foreach (var p in model.Policies) lines.Add($"policy {p.Name} {p.Kind} {p.Fingerprint} {P(p.Location)}");
        return lines;
    }

    [Fact]
    public void The_json_and_yaml_forms_of_a_template_give_the_same_model()
    {
        var json = Projection(Sample("correct.fargate-privatelink.json"));
        var yaml = Projection(Sample("correct.fargate-privatelink.yaml"));
        Assert.Equal(json, yaml);
        Assert.Contains("endpoint EcrDkrEndpoint /Resources/EcrDkrEndpoint ecr.dkr  /Resources/EcrDkrEndpoint/Properties/ServiceName", yaml);
        Assert.Contains("  type Interface /Resources/EcrDkrEndpoint/Properties/VpcEndpointType dns True /Resources/EcrDkrEndpoint/Properties/PrivateDnsEnabled rt False (default) /Resources/EcrDkrEndpoint/Properties 443 True /Resources/EcrDkrEndpoint/Properties/SecurityGroupIds", yaml);
        Assert.Contains(yaml, l => l.StartsWith("  image PrivateEcr ${AWS::AccountId}.dkr.ecr.${AWS::Region}.amazonaws.com/app:1.0.0", StringComparison.Ordinal)
            && l.EndsWith("/Resources/TaskDefinition/Properties/ContainerDefinitions/0/Image", StringComparison.Ordinal));
    }

    [Fact]
    public void Endpoint_facts_point_at_the_logical_id_and_the_property_values()
    {
        foreach (var name in new[] { "correct.fargate-privatelink.json", "correct.fargate-privatelink.yaml" })
        {
            var model = Sample(name);
            var vpc = Assert.Single(model.Vpcs);
            Assert.Equal("Vpc", vpc.Name);
            Assert.Equal("Vpc", At(vpc.Location).Trim('"'));
            var dkr = Endpoint(model, "EcrDkrEndpoint");
            Assert.Equal("EcrDkrEndpoint", At(dkr.Location).Trim('"'));
            Assert.True(dkr.Service!.IsEcrDkr);
            Assert.Null(dkr.Service.Region); // AWS::Region: the stack's own region.
            Assert.Null(dkr.ServiceName!.Value);
            Assert.Contains("com.amazonaws.${AWS::Region}.ecr.dkr", At(dkr.ServiceName.Location));
            Assert.Equal(EndpointType.Interface, dkr.Type!.Value);
            Assert.Equal("Interface", At(dkr.Type.Location).Trim('"'));
            Assert.True(dkr.PrivateDns!.Value);
            Assert.False(dkr.PrivateDns.IsDefault);
            Assert.Equal("true", At(dkr.PrivateDns.Location));
            Assert.True(dkr.Admits443!.Value);
            var s3 = Endpoint(model, "S3GatewayEndpoint");
            Assert.True(s3.IsGateway);
            Assert.True(s3.HasRouteTables!.Value);
            Assert.NotNull(s3.Policy);
            Assert.Null(s3.Admits443);
            Assert.Equal("/Resources/S3GatewayEndpoint/Properties/PolicyDocument", JsonNavigation.FindDeepest(model.Template.Root, s3.PolicyLocation!.FileSpan).Pointer);
        }
    }

    [Fact]
    public void Defaults_are_facts_marked_as_defaults_at_the_properties_key()
    {
        var model = Model("""
            { "Resources": { "Ep": { "Type": "AWS::EC2::VPCEndpoint", "Properties": { "VpcId": "vpc-1", "ServiceName": "com.amazonaws.us-east-1.ecr.dkr" } } } }
            """);
        var e = Endpoint(model, "Ep");
        Assert.Equal(EndpointType.Gateway, e.Type!.Value);
        Assert.True(e.Type.IsDefault);
        Assert.False(e.PrivateDns!.Value);
        Assert.True(e.PrivateDns.IsDefault);
        Assert.Equal("\"Properties\"", At(e.PrivateDns.Location));
        Assert.False(e.HasRouteTables!.Value);
        Assert.True(e.HasRouteTables.IsDefault);
        Assert.Equal("com.amazonaws.us-east-1.ecr.dkr", e.ServiceName!.Value);
        Assert.Equal("us-east-1", e.Service!.Region);
    }

    [Theory]
    [InlineData("com.amazonaws.${AWS::Region}.ecr.dkr", null, "ecr.dkr", null)]
    [InlineData("com.amazonaws.${AWS::Region}.ecr.dkr", "eu-west-1", "ecr.dkr", "eu-west-1")]
    [InlineData("cn.com.amazonaws.${AWS::Region}.ecr.api", null, "ecr.api", null)]
    [InlineData("com.amazonaws.${AWS::Region}.ecr-dkr", null, "ecr-dkr", null)]
    [InlineData("com.amazonaws.ecr.dkr", null, "dkr", "ecr")]
    [InlineData("${Prefix}.ecr.dkr", null, null, null)]
    public void Service_names_built_with_the_region_are_the_stacks_own_region(string sub, string? region, string? service, string? serviceRegion)
    {
        var model = Model("{ \"Parameters\": { \"Prefix\": { \"Type\": \"String\" } }, \"Resources\": { \"Ep\": { \"Type\": \"AWS::EC2::VPCEndpoint\", \"Properties\": { \"VpcId\": \"vpc-1\", \"ServiceName\": { \"Fn::Sub\": \"" + sub + "\" } } } } }", region: region);
        var e = Endpoint(model, "Ep");
        Assert.Equal(service, e.Service?.Service);
        Assert.Equal(serviceRegion, e.Service?.Region);
    }

    [Fact]
    public void If_branches_naming_the_same_service_give_the_service()
    {
        var model = Model("""
            { "Resources": { "Ep": { "Type": "AWS::EC2::VPCEndpoint", "Properties": { "VpcId": "vpc-1",
              "ServiceName": { "Fn::If": ["China", "cn.com.amazonaws.cn-north-1.ecr.dkr", "com.amazonaws.us-east-1.ecr.dkr"] },
              "PrivateDnsEnabled": { "Fn::If": ["China", true, false] } } } } }
            """);
        var e = Endpoint(model, "Ep");
        Assert.True(e.Service!.IsEcrDkr);
        Assert.Null(e.Service.Region);
        Assert.Null(e.ServiceName!.Value);
        Assert.Null(e.PrivateDns!.Value);
        Assert.False(e.PrivateDns.IsDefault);
    }

    private const string SecurityGroups = """
        {
          "Parameters": { "Port": { "Type": "Number" }, "ImportedSg": { "Type": "AWS::EC2::SecurityGroup::Id" } },
          "Resources": {
            "Https": { "Type": "AWS::EC2::SecurityGroup", "Properties": { "VpcId": "vpc-1", "GroupDescription": "x",
              "SecurityGroupIngress": [ { "IpProtocol": "tcp", "FromPort": 443, "ToPort": 443, "CidrIp": "10.0.0.0/16" } ] } },
            "Range": { "Type": "AWS::EC2::SecurityGroup", "Properties": { "VpcId": "vpc-1", "GroupDescription": "x",
              "SecurityGroupIngress": [ { "IpProtocol": "6", "FromPort": "400", "ToPort": "500", "CidrIp": "10.0.0.0/16" } ] } },
            "All": { "Type": "AWS::EC2::SecurityGroup", "Properties": { "VpcId": "vpc-1", "GroupDescription": "x",
              "SecurityGroupIngress": [ { "IpProtocol": "-1", "CidrIp": "10.0.0.0/16" } ] } },
            "Http": { "Type": "AWS::EC2::SecurityGroup", "Properties": { "VpcId": "vpc-1", "GroupDescription": "x",
              "SecurityGroupIngress": [ { "IpProtocol": "tcp", "FromPort": 80, "ToPort": 80, "CidrIp": "10.0.0.0/16" }, { "IpProtocol": "udp", "FromPort": 443, "ToPort": 443, "CidrIp": "10.0.0.0/16" } ] } },
            "Empty": { "Type": "AWS::EC2::SecurityGroup", "Properties": { "VpcId": "vpc-1", "GroupDescription": "x" } },
            "Separate": { "Type": "AWS::EC2::SecurityGroup", "Properties": { "VpcId": "vpc-1", "GroupDescription": "x" } },
            "SeparateIngress": { "Type": "AWS::EC2::SecurityGroupIngress", "Properties": { "GroupId": { "Fn::GetAtt": ["Separate", "GroupId"] }, "IpProtocol": "tcp", "FromPort": 443, "ToPort": 443, "CidrIp": "10.0.0.0/8" } },
            "ParamPort": { "Type": "AWS::EC2::SecurityGroup", "Properties": { "VpcId": "vpc-1", "GroupDescription": "x",
              "SecurityGroupIngress": [ { "IpProtocol": "tcp", "FromPort": { "Ref": "Port" }, "ToPort": { "Ref": "Port" }, "CidrIp": "10.0.0.0/16" } ] } },
            "EpHttps": { "Type": "AWS::EC2::VPCEndpoint", "Properties": { "VpcEndpointType": "Interface", "VpcId": "vpc-1", "ServiceName": "com.amazonaws.us-east-1.ecr.dkr", "SecurityGroupIds": [ { "Ref": "Https" } ] } },
            "EpRange": { "Type": "AWS::EC2::VPCEndpoint", "Properties": { "VpcEndpointType": "Interface", "VpcId": "vpc-1", "ServiceName": "com.amazonaws.us-east-1.ecr.dkr", "SecurityGroupIds": [ { "Fn::GetAtt": ["Range", "GroupId"] } ] } },
            "EpAll": { "Type": "AWS::EC2::VPCEndpoint", "Properties": { "VpcEndpointType": "Interface", "VpcId": "vpc-1", "ServiceName": "com.amazonaws.us-east-1.ecr.dkr", "SecurityGroupIds": [ { "Ref": "All" } ] } },
            "EpHttp": { "Type": "AWS::EC2::VPCEndpoint", "Properties": { "VpcEndpointType": "Interface", "VpcId": "vpc-1", "ServiceName": "com.amazonaws.us-east-1.ecr.dkr", "SecurityGroupIds": [ { "Ref": "Http" } ] } },
            "EpEmpty": { "Type": "AWS::EC2::VPCEndpoint", "Properties": { "VpcEndpointType": "Interface", "VpcId": "vpc-1", "ServiceName": "com.amazonaws.us-east-1.ecr.dkr", "SecurityGroupIds": [ { "Ref": "Empty" } ] } },
            "EpSeparate": { "Type": "AWS::EC2::VPCEndpoint", "Properties": { "VpcEndpointType": "Interface", "VpcId": "vpc-1", "ServiceName": "com.amazonaws.us-east-1.ecr.dkr", "SecurityGroupIds": [ { "Ref": "Separate" } ] } },
            "EpParamPort": { "Type": "AWS::EC2::VPCEndpoint", "Properties": { "VpcEndpointType": "Interface", "VpcId": "vpc-1", "ServiceName": "com.amazonaws.us-east-1.ecr.dkr", "SecurityGroupIds": [ { "Ref": "ParamPort" } ] } },
            "EpImported": { "Type": "AWS::EC2::VPCEndpoint", "Properties": { "VpcEndpointType": "Interface", "VpcId": "vpc-1", "ServiceName": "com.amazonaws.us-east-1.ecr.dkr", "SecurityGroupIds": [ { "Ref": "ImportedSg" } ] } },
            "EpHttpAndImported": { "Type": "AWS::EC2::VPCEndpoint", "Properties": { "VpcEndpointType": "Interface", "VpcId": "vpc-1", "ServiceName": "com.amazonaws.us-east-1.ecr.dkr", "SecurityGroupIds": [ { "Ref": "Http" }, "sg-0123" ] } },
            "EpHttpAndHttps": { "Type": "AWS::EC2::VPCEndpoint", "Properties": { "VpcEndpointType": "Interface", "VpcId": "vpc-1", "ServiceName": "com.amazonaws.us-east-1.ecr.dkr", "SecurityGroupIds": [ { "Ref": "Http" }, { "Ref": "Https" } ] } },
            "EpNone": { "Type": "AWS::EC2::VPCEndpoint", "Properties": { "VpcEndpointType": "Interface", "VpcId": "vpc-1", "ServiceName": "com.amazonaws.us-east-1.ecr.dkr" } }
          }
        }
        """;

    [Theory]
    [InlineData("EpHttps", true)]
    [InlineData("EpRange", true)]
    [InlineData("EpAll", true)]
    [InlineData("EpHttp", false)]
    [InlineData("EpEmpty", false)]
    [InlineData("EpSeparate", true)]
    [InlineData("EpParamPort", null)]
    [InlineData("EpImported", null)]
    [InlineData("EpHttpAndImported", null)]
    [InlineData("EpHttpAndHttps", true)]
    [InlineData("EpNone", null)]
    public void Security_groups_admit_443_or_not(string endpoint, bool? admits)
    {
        var e = Endpoint(Model(SecurityGroups), endpoint);
        Assert.Equal(admits, e.Admits443!.Value);
        Assert.Equal(endpoint == "EpNone", e.Admits443.IsDefault);
        if (endpoint != "EpNone") Assert.StartsWith("[", At(e.Admits443.Location));
    }

    private static string Network(string extra, string vpcId = "{ \"Ref\": \"Vpc\" }") => $$"""
        {
          "Parameters": { "VpcParam": { "Type": "AWS::EC2::VPC::Id" } },
          "Resources": {
            "Vpc": { "Type": "AWS::EC2::VPC", "Properties": { "CidrBlock": "10.0.0.0/16" } },
            "Private": { "Type": "AWS::EC2::Subnet", "Properties": { "VpcId": {{vpcId}}, "CidrBlock": "10.0.1.0/24" } },
            "Public": { "Type": "AWS::EC2::Subnet", "Properties": { "VpcId": {{vpcId}}, "CidrBlock": "10.0.2.0/24" } },
            "PrivateRt": { "Type": "AWS::EC2::RouteTable", "Properties": { "VpcId": {{vpcId}} } },
            "PublicRt": { "Type": "AWS::EC2::RouteTable", "Properties": { "VpcId": {{vpcId}} } },
            "PrivateAssoc": { "Type": "AWS::EC2::SubnetRouteTableAssociation", "Properties": { "SubnetId": { "Ref": "Private" }, "RouteTableId": { "Ref": "PrivateRt" } } },
            "PublicAssoc": { "Type": "AWS::EC2::SubnetRouteTableAssociation", "Properties": { "SubnetId": { "Ref": "Public" }, "RouteTableId": { "Ref": "PublicRt" } } },
            "Dkr": { "Type": "AWS::EC2::VPCEndpoint", "Properties": { "VpcEndpointType": "Interface", "PrivateDnsEnabled": true, "VpcId": {{vpcId}}, "ServiceName": "com.amazonaws.us-east-1.ecr.dkr", "SubnetIds": [ { "Ref": "Private" } ] } },
            "Task": { "Type": "AWS::ECS::TaskDefinition", "Properties": { "RequiresCompatibilities": ["FARGATE"], "ContainerDefinitions": [ { "Name": "a", "Image": "nginx" } ] } },
            "Svc": { "Type": "AWS::ECS::Service", "Properties": { "LaunchType": "FARGATE", "TaskDefinition": { "Ref": "Task" },
              "NetworkConfiguration": { "AwsvpcConfiguration": { "Subnets": [ { "Ref": "Private" } ] } } } }
            {{extra}}
          }
        }
        """;

    [Fact]
    public void A_vpc_of_the_template_without_routes_to_the_internet_has_no_nat()
    {
        var vpc = Assert.Single(Model(Network("")).Vpcs);
        Assert.False(vpc.HasNatGateway!.Value);
        Assert.Equal("Vpc", At(vpc.HasNatGateway.Location).Trim('"'));
        Assert.True(vpc.OnlyIsolatedSubnets);
    }

    [Fact]
    public void A_nat_gateway_route_gives_egress_and_the_workload_subnets_are_not_isolated()
    {
        var vpc = Assert.Single(Model(Network("""
            , "Eip": { "Type": "AWS::EC2::EIP" },
            "Nat": { "Type": "AWS::EC2::NatGateway", "Properties": { "SubnetId": { "Ref": "Public" }, "AllocationId": { "Fn::GetAtt": ["Eip", "AllocationId"] } } },
            "Default": { "Type": "AWS::EC2::Route", "Properties": { "RouteTableId": { "Ref": "PrivateRt" }, "DestinationCidrBlock": "0.0.0.0/0", "NatGatewayId": { "Ref": "Nat" } } }
            """)).Vpcs);
        Assert.True(vpc.HasNatGateway!.Value);
        Assert.Equal("Nat", At(vpc.HasNatGateway.Location).Trim('"'));
        Assert.False(vpc.OnlyIsolatedSubnets);
    }

    [Fact]
    public void An_internet_gateway_gives_egress_but_isolated_workload_subnets_stay_isolated()
    {
        var vpc = Assert.Single(Model(Network("""
            , "Igw": { "Type": "AWS::EC2::InternetGateway" },
            "Attach": { "Type": "AWS::EC2::VPCGatewayAttachment", "Properties": { "VpcId": { "Ref": "Vpc" }, "InternetGatewayId": { "Ref": "Igw" } } },
            "Default": { "Type": "AWS::EC2::Route", "Properties": { "RouteTableId": { "Ref": "PublicRt" }, "DestinationCidrBlock": "0.0.0.0/0", "GatewayId": { "Ref": "Igw" } } }
            """)).Vpcs);
        Assert.True(vpc.HasNatGateway!.Value);
        Assert.True(vpc.OnlyIsolatedSubnets);
    }

    [Fact]
    public void A_default_route_to_a_transit_gateway_makes_egress_unknown()
    {
        var vpc = Assert.Single(Model(Network("""
            , "Default": { "Type": "AWS::EC2::Route", "Properties": { "RouteTableId": { "Ref": "PrivateRt" }, "DestinationCidrBlock": "0.0.0.0/0", "TransitGatewayId": "tgw-0123" } }
            """)).Vpcs);
        Assert.Null(vpc.HasNatGateway!.Value);
        Assert.False(vpc.OnlyIsolatedSubnets);
    }

    [Fact]
    public void A_vpc_the_template_only_references_has_unknown_egress()
    {
        var model = Model(Network("", vpcId: "{ \"Ref\": \"VpcParam\" }"));
        var vpc = model.Vpcs.Single(v => v.Name == "VpcParam");
        Assert.Null(vpc.HasNatGateway!.Value);
        // The workload's route table is in the template and has no route out.
        Assert.True(vpc.OnlyIsolatedSubnets);
        Assert.Single(vpc.Endpoints);
        Assert.Single(vpc.Workloads);
        // The declared but unused VPC is a scope of its own, without endpoints.
        Assert.Empty(model.Vpcs.Single(v => v.Name == "Vpc").Endpoints);
    }

    [Fact]
    public void Custom_dhcp_dns_points_at_the_first_custom_server()
    {
        var vpc = Assert.Single(Model(Network("""
            , "Dhcp": { "Type": "AWS::EC2::DHCPOptions", "Properties": { "DomainNameServers": ["AmazonProvidedDNS", "10.0.0.10"] } },
            "DhcpAssoc": { "Type": "AWS::EC2::VPCDHCPOptionsAssociation", "Properties": { "VpcId": { "Ref": "Vpc" }, "DhcpOptionsId": { "Ref": "Dhcp" } } }
            """)).Vpcs);
        Assert.Equal("\"10.0.0.10\"", At(vpc.CustomDns));
        Assert.Null(Assert.Single(Model(Network("""
            , "Dhcp": { "Type": "AWS::EC2::DHCPOptions", "Properties": { "DomainNameServers": ["AmazonProvidedDNS"] } },
            "DhcpAssoc": { "Type": "AWS::EC2::VPCDHCPOptionsAssociation", "Properties": { "VpcId": { "Ref": "Vpc" }, "DhcpOptionsId": { "Ref": "Dhcp" } } }
            """)).Vpcs).CustomDns);
    }

    [Fact]
    public void Endpoints_and_workloads_are_scoped_per_vpc_id()
    {
        var model = Model("""
            {
              "Resources": {
                "A": { "Type": "AWS::EC2::VPC" },
                "B": { "Type": "AWS::EC2::VPC" },
                "SubA": { "Type": "AWS::EC2::Subnet", "Properties": { "VpcId": { "Ref": "A" } } },
                "SubB": { "Type": "AWS::EC2::Subnet", "Properties": { "VpcId": { "Fn::GetAtt": ["B", "VpcId"] } } },
                "DkrA": { "Type": "AWS::EC2::VPCEndpoint", "Properties": { "VpcId": { "Ref": "A" }, "ServiceName": "com.amazonaws.us-east-1.ecr.dkr" } },
                "DkrB": { "Type": "AWS::EC2::VPCEndpoint", "Properties": { "VpcId": { "Fn::GetAtt": ["SubB", "VpcId"] }, "ServiceName": "com.amazonaws.us-east-1.ecr.dkr" } },
                "Imported": { "Type": "AWS::EC2::VPCEndpoint", "Properties": { "VpcId": { "Fn::ImportValue": "shared-vpc" }, "ServiceName": "com.amazonaws.us-east-1.ecr.dkr" } },
                "Literal": { "Type": "AWS::EC2::VPCEndpoint", "Properties": { "VpcId": "vpc-0abc", "ServiceName": "com.amazonaws.us-east-1.ecr.dkr" } },
                "Svc": { "Type": "AWS::ECS::Service", "Properties": { "LaunchType": "FARGATE", "NetworkConfiguration": { "AwsvpcConfiguration": { "Subnets": [ { "Ref": "SubB" } ] } } } },
                "Lost": { "Type": "AWS::ECS::Service", "Properties": { "LaunchType": "FARGATE", "NetworkConfiguration": { "AwsvpcConfiguration": { "Subnets": [ "subnet-1" ] } } } }
              }
            }
            """);
        Assert.Equal(new[] { "A", "B", "Fn::ImportValue shared-vpc", "vpc-0abc" }, model.Vpcs.Select(v => v.Name));
        Assert.Equal(new[] { "DkrA" }, model.Vpcs[0].Endpoints.Select(e => e.Name));
        Assert.Equal(new[] { "DkrB" }, model.Vpcs[1].Endpoints.Select(e => e.Name));
        Assert.Equal(new[] { "Svc" }, model.Vpcs[1].Workloads.Select(w => w.Name));
        // Several VPCs: a workload whose subnets are not in the template belongs to none.
        Assert.DoesNotContain(model.Vpcs.SelectMany(v => v.Workloads), w => w.Name == "Lost");
        Assert.Equal("Imported", At(model.Vpcs[2].Location).Trim('"'));
    }

    [Fact]
    public void With_exactly_one_vpc_unresolved_workloads_run_in_it()
    {
        var model = Model("""
            { "Parameters": { "Subnets": { "Type": "List<AWS::EC2::Subnet::Id>" }, "VpcId": { "Type": "AWS::EC2::VPC::Id" } },
              "Resources": {
                "Dkr": { "Type": "AWS::EC2::VPCEndpoint", "Properties": { "VpcId": { "Ref": "VpcId" }, "ServiceName": "com.amazonaws.us-east-1.ecr.dkr" } },
                "Svc": { "Type": "AWS::ECS::Service", "Properties": { "LaunchType": "FARGATE", "NetworkConfiguration": { "AwsvpcConfiguration": { "Subnets": { "Ref": "Subnets" } } } } } } }
            """);
        var vpc = Assert.Single(model.Vpcs);
        Assert.Equal("VpcId", vpc.Name);
        Assert.Equal("Dkr", At(vpc.Location).Trim('"'));
        Assert.Equal("Svc", Assert.Single(vpc.Workloads).Name);
    }

    [Fact]
    public void Workloads_join_their_task_definition_and_resolve_the_launch_type()
    {
        var model = Model("""
            { "Resources": {
                "Vpc": { "Type": "AWS::EC2::VPC" },
                "Cluster": { "Type": "AWS::ECS::Cluster" },
                "Linux": { "Type": "AWS::ECS::TaskDefinition", "Properties": { "RequiresCompatibilities": ["FARGATE"],
                  "ContainerDefinitions": [ { "Name": "a", "Image": "nginx:latest", "LogConfiguration": { "LogDriver": "awslogs" } } ] } },
                "Windows": { "Type": "AWS::ECS::TaskDefinition", "Properties": { "RequiresCompatibilities": ["FARGATE"],
                  "RuntimePlatform": { "OperatingSystemFamily": "WINDOWS_SERVER_2019_CORE" },
                  "ContainerDefinitions": [ { "Name": "a", "Image": "mcr.microsoft.com/windows/servercore:ltsc2019" } ] } },
                "Ec2Task": { "Type": "AWS::ECS::TaskDefinition", "Properties": { "RequiresCompatibilities": ["EC2"], "ContainerDefinitions": [] } },
                "Orphan": { "Type": "AWS::ECS::TaskDefinition", "Properties": { "RequiresCompatibilities": ["FARGATE", "EC2"], "ContainerDefinitions": [] } },
                "Pinned": { "Type": "AWS::ECS::Service", "Properties": { "LaunchType": "FARGATE", "PlatformVersion": "1.3.0", "TaskDefinition": { "Ref": "Linux" } } },
                "Spot": { "Type": "AWS::ECS::Service", "Properties": { "CapacityProviderStrategy": [ { "CapacityProvider": "FARGATE_SPOT", "Weight": 1 } ], "TaskDefinition": { "Ref": "Windows" } } },
                "Ec2": { "Type": "AWS::ECS::Service", "Properties": { "Cluster": { "Ref": "Cluster" }, "TaskDefinition": { "Ref": "Ec2Task" } } }
            } }
            """);
        var w = Assert.Single(model.Vpcs).Workloads.ToDictionary(x => x.Name);
        Assert.Equal(LaunchType.Fargate, w["Pinned"].LaunchType);
        Assert.Equal("1.3.0", w["Pinned"].PlatformVersion!.Value);
        Assert.Equal("\"1.3.0\"", At(w["Pinned"].PlatformVersion!.Location));
        Assert.Equal("\"awslogs\"", At(w["Pinned"].AwsLogs));
        Assert.Equal(ImageSource.Upstream, Assert.Single(w["Pinned"].Images).Source);
        Assert.Equal(LaunchType.Fargate, w["Spot"].LaunchType);
        Assert.True(w["Spot"].IsWindows);
        Assert.Null(w["Spot"].PlatformVersion);
        Assert.Equal(LaunchType.Ec2, w["Ec2"].LaunchType);
        Assert.Equal(LaunchType.Unknown, w["Orphan"].LaunchType);
        Assert.DoesNotContain("Linux", w.Keys);
    }

    [Fact]
    public void Ec2_capacity_is_an_ec2_workload_in_the_vpc_of_its_subnets()
    {
        var model = Sample("ECR005.bad.ec2-tasks-without-ecs-endpoints.yaml");
        var workloads = Assert.Single(model.Vpcs).Workloads;
        Assert.Contains(workloads, w => w.Name == "ContainerInstances" && w.LaunchType == LaunchType.Ec2);
        Assert.Contains(workloads, w => w.Name == "Service" && w.LaunchType == LaunchType.Ec2);
        // An Auto Scaling group that does not join a cluster is no ECS capacity.
        var plain = Model(Network("""
            , "Web": { "Type": "AWS::AutoScaling::AutoScalingGroup", "Properties": { "MinSize": "1", "MaxSize": "1", "VPCZoneIdentifier": [ { "Ref": "Private" } ] } }
            """));
        Assert.DoesNotContain(plain.Vpcs.SelectMany(v => v.Workloads), w => w.Name == "Web");
    }

    [Theory]
    [InlineData("\"111122223333.dkr.ecr.us-west-2.amazonaws.com/app:1\"", ImageSource.PrivateEcr, "us-west-2", null)]
    [InlineData("\"111122223333.dkr.ecr-fips.us-gov-west-1.amazonaws.com/app\"", ImageSource.PrivateEcr, "us-gov-west-1", null)]
    [InlineData("{ \"Fn::Sub\": \"${AWS::AccountId}.dkr.ecr.${AWS::Region}.${AWS::URLSuffix}/cdk-hnb659fds-container-assets:abc\" }", ImageSource.PrivateEcr, null, null)]
    [InlineData("{ \"Fn::Join\": [\"\", [{ \"Ref\": \"AWS::AccountId\" }, \".dkr.ecr.eu-west-1.amazonaws.com/app\"]] }", ImageSource.PrivateEcr, "eu-west-1", null)]
    [InlineData("{ \"Fn::Sub\": \"${Repo.RepositoryUri}:latest\" }", ImageSource.PrivateEcr, null, null)]
    [InlineData("\"public.ecr.aws/nginx/nginx:1.27\"", ImageSource.EcrPublic, null, "public.ecr.aws")]
    [InlineData("\"nginx:latest\"", ImageSource.Upstream, null, "docker.io")]
    [InlineData("\"library/nginx\"", ImageSource.Upstream, null, "docker.io")]
    [InlineData("\"docker.io/library/nginx\"", ImageSource.Upstream, null, "docker.io")]
    [InlineData("\"quay.io/prometheus/node-exporter\"", ImageSource.Upstream, null, "quay.io")]
    [InlineData("\"ghcr.io/org/app:1\"", ImageSource.Upstream, null, "ghcr.io")]
    [InlineData("\"registry.k8s.io/pause:3.9\"", ImageSource.Upstream, null, "registry.k8s.io")]
    [InlineData("\"mcr.microsoft.com/windows/servercore:ltsc2022\"", ImageSource.Upstream, null, "mcr.microsoft.com")]
    [InlineData("\"localhost:5000/app\"", ImageSource.Upstream, null, "localhost")]
    [InlineData("{ \"Ref\": \"Image\" }", ImageSource.Unknown, null, null)]
    [InlineData("{ \"Fn::Sub\": \"${Registry}/app\" }", ImageSource.Unknown, null, null)]
    public void Images_are_classified(string image, ImageSource source, string? region, string? registry)
    {
        var model = Model("{ \"Parameters\": { \"Image\": { \"Type\": \"String\" }, \"Registry\": { \"Type\": \"String\" } }, \"Resources\": { \"Vpc\": { \"Type\": \"AWS::EC2::VPC\" }, \"Repo\": { \"Type\": \"AWS::ECR::Repository\" }, \"T\": { \"Type\": \"AWS::ECS::TaskDefinition\", \"Properties\": { \"ContainerDefinitions\": [ { \"Image\": " + image + " } ] } } } }");
        var i = Assert.Single(Assert.Single(Assert.Single(model.Vpcs).Workloads).Images);
        Assert.Equal(source, i.Source);
        Assert.Equal(region, i.Region);
        Assert.Equal(registry, i.Registry);
        Assert.Equal(image, At(i.Location));
    }

    [Fact]
    public void Private_ecr_images_built_from_the_region_take_the_stack_region()
    {
        var model = Sample("correct.fargate-privatelink.yaml", region: "eu-central-1", account: "210987654321");
        var image = Assert.Single(Assert.Single(model.Vpcs).Workloads.Single().Images);
        Assert.Equal(ImageSource.PrivateEcr, image.Source);
        Assert.Equal("eu-central-1", image.Region);
        Assert.Equal("210987654321.dkr.ecr.eu-central-1.amazonaws.com/app:1.0.0", image.Text);
        Assert.Equal("eu-central-1", model.Vpcs[0].Region!.Value);
        Assert.Equal("eu-central-1", Endpoint(model, "EcrDkrEndpoint").Service!.Region);
    }

    [Fact]
    public void Pull_through_cache_rules_are_in_every_scope()
    {
        var model = Sample("ECR015.bad.pull-through-cache-without-nat.json");
        var rule = Assert.Single(Assert.Single(model.Vpcs).PullThroughCacheRules);
        Assert.Equal("public.ecr.aws", rule.UpstreamRegistry);
        Assert.Equal("\"EcrPublicCache\"", At(rule.Location));
        Assert.False(model.Vpcs[0].HasNatGateway!.Value);
    }

    [Fact]
    public void Equal_policies_written_differently_have_the_same_fingerprint()
    {
        var model = Model("""
            { "Resources": {
              "Api": { "Type": "AWS::EC2::VPCEndpoint", "Properties": { "VpcId": "vpc-1", "VpcEndpointType": "Interface", "ServiceName": "com.amazonaws.us-east-1.ecr.api",
                "PolicyDocument": { "Statement": [ { "Effect": "Allow", "Principal": "*", "Action": "ecr:*", "Resource": "*" } ] } } },
              "Dkr": { "Type": "AWS::EC2::VPCEndpoint", "Properties": { "VpcId": "vpc-1", "VpcEndpointType": "Interface", "ServiceName": "com.amazonaws.us-east-1.ecr.dkr",
                "PolicyDocument": "{\"Statement\":[{\"Resource\":\"*\",\"Action\":\"ecr:*\",\"Principal\":\"*\",\"Effect\":\"Allow\"}]}" } },
              "Other": { "Type": "AWS::EC2::VPCEndpoint", "Properties": { "VpcId": "vpc-1", "VpcEndpointType": "Interface", "ServiceName": "com.amazonaws.us-east-1.logs",
                "PolicyDocument": { "Ref": "PolicyParam" } } }
            }, "Parameters": { "PolicyParam": { "Type": "String" } } }
            """);
        var api = Endpoint(model, "Api");
        var dkr = Endpoint(model, "Dkr");
        Assert.NotNull(api.PolicyFingerprint);
        Assert.Equal(api.PolicyFingerprint, dkr.PolicyFingerprint);
        var other = Endpoint(model, "Other");
        Assert.True(other.PolicyUnknown);
        Assert.Null(other.Policy);
        Assert.Equal("{ \"Ref\": \"PolicyParam\" }", At(other.PolicyLocation));
    }

    [Fact]
    public void Policies_of_a_template_get_their_kind_from_where_they_are()
    {
        var model = Model("""
            { "Resources": {
              "S3": { "Type": "AWS::EC2::VPCEndpoint", "Properties": { "VpcId": "vpc-1", "ServiceName": "com.amazonaws.us-east-1.s3", "RouteTableIds": ["rtb-1"],
                "PolicyDocument": { "Statement": [ { "Effect": "Allow", "Principal": "*", "Action": "s3:GetObject", "Resource": "arn:aws:s3:::prod-us-east-1-starport-layer-bucket/*" } ] } } },
              "S3If": { "Type": "AWS::EC2::VPCEndpoint", "Properties": { "VpcId": "vpc-1", "VpcEndpointType": "Interface", "ServiceName": "com.amazonaws.us-east-1.s3",
                "PolicyDocument": { "Statement": [ { "Effect": "Allow", "Principal": "*", "Action": "s3:GetObject", "Resource": "*" } ] } } },
              "Role": { "Type": "AWS::IAM::Role", "Properties": {
                "AssumeRolePolicyDocument": { "Statement": [ { "Effect": "Allow", "Principal": { "Service": "ecs-tasks.amazonaws.com" }, "Action": "sts:AssumeRole" } ] },
                "Policies": [ { "PolicyName": "pull", "PolicyDocument": { "Statement": [ { "Effect": "Allow", "Action": "ecr:BatchGetImage", "Resource": "*" } ] } } ] } },
              "Managed": { "Type": "AWS::IAM::ManagedPolicy", "Properties": { "PolicyDocument": { "Statement": [ { "Effect": "Allow", "Action": "ecr:GetAuthorizationToken", "Resource": "*" } ] } } },
              "Repo": { "Type": "AWS::ECR::Repository", "Properties": { "RepositoryPolicyText": { "Statement": [ { "Effect": "Allow", "Principal": "*", "Action": "ecr:BatchGetImage" } ] } } },
              "Bucket": { "Type": "AWS::S3::BucketPolicy", "Properties": { "Bucket": "b", "PolicyDocument": { "Statement": [ { "Effect": "Allow", "Principal": "*", "Action": "s3:GetObject", "Resource": "arn:aws:s3:::b/*" } ] } } }
            } }
            """);
        var kinds = model.Policies.ToDictionary(p => p.Name, p => p.Kind);
        Assert.Equal(EcrLint.Policy.PolicyKind.S3Endpoint, kinds["S3 PolicyDocument"]);
        Assert.Equal(EcrLint.Policy.PolicyKind.Generic, kinds["S3If PolicyDocument"]);
        Assert.DoesNotContain("Role AssumeRolePolicyDocument", kinds.Keys);
        Assert.Equal(EcrLint.Policy.PolicyKind.Identity, kinds["Role policy `pull`"]);
        Assert.Equal(EcrLint.Policy.PolicyKind.Identity, kinds["Managed PolicyDocument"]);
        Assert.Equal(EcrLint.Policy.PolicyKind.Generic, kinds["Repo RepositoryPolicyText"]);
        Assert.Equal(EcrLint.Policy.PolicyKind.Generic, kinds["Bucket PolicyDocument"]);
    }

    [Fact]
    public void Odd_templates_do_not_throw()
    {
        foreach (var text in new[]
        {
            "{ \"Resources\": [] }",
            "{ \"Resources\": { \"X\": 1, \"Y\": { \"Type\": 3 }, \"Z\": { \"Type\": \"AWS::EC2::VPCEndpoint\", \"Properties\": [] } } }",
            "{ \"Resources\": { \"E\": { \"Type\": \"AWS::EC2::VPCEndpoint\", \"Properties\": { \"VpcId\": [], \"ServiceName\": {}, \"VpcEndpointType\": 3, \"PrivateDnsEnabled\": \"maybe\", \"SecurityGroupIds\": \"sg\", \"RouteTableIds\": {}, \"PolicyDocument\": 12 } } } }",
            "{ \"Resources\": { \"S\": { \"Type\": \"AWS::ECS::Service\", \"Properties\": { \"NetworkConfiguration\": 1, \"TaskDefinition\": [], \"CapacityProviderStrategy\": \"x\" } }, \"T\": { \"Type\": \"AWS::ECS::TaskDefinition\", \"Properties\": { \"ContainerDefinitions\": [1, \"x\", { \"Image\": 3, \"LogConfiguration\": [] }] } } } }",
            "{ \"Resources\": { \"R\": { \"Type\": \"AWS::EC2::Route\", \"Properties\": { \"RouteTableId\": { \"Ref\": \"R\" } } }, \"G\": { \"Type\": \"AWS::EC2::SecurityGroupIngress\", \"Properties\": { \"GroupId\": { \"Ref\": \"G\" } } } } }",
        })
        {
            var model = Model(text);
            Assert.NotNull(model);
        }
    }
}
