using EcrLint.Iam;

namespace EcrLint.Tests.Iam;

public class IamDataTests
{
    private static readonly IamData Data = IamData.Instance;

    [Fact]
    public void Pins_known_facts()
    {
        Assert.True(Data.TryGetAction("ecr:GetAuthorizationToken", out var token));
        Assert.True(token.HasDetails);
        Assert.Empty(token.ResourceTypes);
        Assert.Equal(AccessLevel.Read, token.AccessLevel);

        Assert.True(Data.TryGetAction("s3:GetObject", out var get));
        Assert.Contains("object", get.ResourceTypes);

        Assert.True(Data.TryGetAction("ecr:batchgetimage", out var batch));
        Assert.Equal("ecr:BatchGetImage", batch.FullName);
        Assert.Equal(new[] { "repository" }, batch.ResourceTypes);

        Assert.True(Data.TryGetAction("ecr:DeleteRepository", out var delete));
        Assert.Equal(AccessLevel.Write, delete.AccessLevel);
        Assert.False(Data.TryGetAction("ecr:GetDownloadUrlForLayers", out _));
        Assert.False(Data.TryGetAction("ecr:GetAuthToken", out _));

        Assert.True(Data.TryGetAction("ec2:DescribeVpcEndpoints", out var ec2));
        Assert.False(ec2.HasDetails);
        Assert.True(Data.IsKnownService("ecr-public"));
        Assert.False(Data.IsKnownService("ecr-dkr"));
        Assert.True(Data.ServicePrefixes.Count() > 400);
    }

    [Fact]
    public void Wildcards_expand_against_the_data()
    {
        Assert.Contains(Data.Match("ecr:Get*"), a => a.FullName == "ecr:GetDownloadUrlForLayer");
        Assert.Empty(Data.Match("ecr:Pul*"));
        Assert.Contains(Data.Match("ecr:*"), a => a.FullName == "ecr:DeleteRepository");
        Assert.Contains(Data.Match("s3:*Object"), a => a.FullName == "s3:PutObject");
    }

    [Fact]
    public void Regions_and_partitions()
    {
        Assert.True(Data.IsRegion("us-east-1"));
        Assert.False(Data.IsRegion("prod-region"));
        Assert.False(Data.IsRegion("region"));
        Assert.Equal("aws-cn", Data.PartitionOfRegion("cn-north-1")!.Name);
        Assert.Equal("cn.com.amazonaws", Data.PartitionOfRegion("cn-north-1")!.ServiceNamePrefix);
        Assert.Equal("aws-us-gov", Data.PartitionOfRegion("us-gov-west-1")!.Name);
        Assert.Equal("eu.amazonaws", Data.PartitionOfRegion("eusc-de-east-1")!.ServiceNamePrefix);
    }

    [Fact]
    public void Condition_keys()
    {
        Assert.True(Data.IsKnownConditionKey("aws:SourceVpce"));
        Assert.True(Data.IsKnownConditionKey("aws:sourcevpce"));
        Assert.True(Data.IsKnownConditionKey("aws:PrincipalTag/team"));
        Assert.True(Data.IsKnownConditionKey("ecr:ResourceTag/team"));
        Assert.False(Data.IsKnownConditionKey("aws:SourceVpcId"));
        Assert.False(Data.IsKnownConditionKey("ecr:Nope"));
        Assert.Null(Data.IsKnownConditionKey("ec2:Region"));
        Assert.True(Data.IsKnownConditionKey("s3:ExistingObjectTag/team"));
    }
}
