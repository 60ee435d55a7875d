using System;
using System.Collections.Generic;
using System.Linq;
using EcrLint.Evaluation;
using EcrLint.Iam;
using EcrLint.Policy;

namespace EcrLint.Packs.PolicyGrammar;

/// <summary>Field-by-field checks of ARNs, shared by ECR406 (resources, conditions) and ECR410 (principals).</summary>
internal static class ArnChecks
{
    /// <summary>Services whose every resource ARN names a region and an account (from the embedded resource types).</summary>
    private static readonly HashSet<string> RegionalServices = new(StringComparer.Ordinal) { "ecr", "ecs", "logs" };

    /// <summary>S3 resources that do carry a region and/or an account (access points, jobs, Storage Lens ...).</summary>
    private static readonly string[] S3RegionalResources =
        { "accesspoint/", "job/", "storage-lens/", "storage-lens-group/", "access-grants/", "async-request/" };

    /// <summary>
    /// True when the value cannot be checked as written: a <c>${...}</c> substitution (template or policy
    /// variable) in the fields before the resource part shifts or hides them.
    /// </summary>
    public static bool HasSubstitutionInFields(string text)
    {
        var dollar = text.IndexOf("${", StringComparison.Ordinal);
        if (dollar < 0) return false;
        var colons = 0;
        for (var i = 0; i < dollar; i++)
        {
            if (text[i] == ':' && ++colons == 5) return false;
        }

        return true;
    }

    /// <summary>
    /// What is wrong with an ARN (one clause per bad field; empty when it is well-formed). The value must start
    /// with <c>arn:</c>.
    /// </summary>
    public static List<string> ResourceArnProblems(string text, IamData iam)
    {
        var problems = new List<string>();
        if (!Arn.TryParse(text, out var arn))
        {
            var fields = Arn.FieldCount(text);
            problems.Add($"it has {fields} field{(fields == 1 ? "" : "s")} where an ARN has 6 (`arn:partition:service:region:account:resource`)");
            return problems;
        }

        var knownPartition = CheckPartition(arn, iam, problems);
        if (arn.Service.Length == 0) problems.Add("the service field is empty");

        var s3BucketOrObject = arn.Service == "s3" && !S3RegionalResources.Any(p => arn.Resource.StartsWith(p, StringComparison.Ordinal));
        if (s3BucketOrObject)
        {
            if (arn.Region.Length > 0) problems.Add($"it has the region `{arn.Region}`, but S3 bucket and object ARNs have an empty region (`arn:aws:s3:::bucket/key`)");
            if (arn.Account.Length > 0) problems.Add($"it has the account `{arn.Account}`, but S3 bucket and object ARNs have an empty account (`arn:aws:s3:::bucket/key`)");
        }
        else
        {
            CheckRegion(arn, iam, knownPartition, problems);
            CheckAccount(arn, problems);
        }

        if (arn.Resource.Length == 0)
        {
            problems.Add("the resource part after the account is empty");
        }
        else if (arn.Service == "ecr")
        {
            CheckEcrResource(arn, problems);
        }

        return problems;
    }

    /// <summary>What is wrong with a principal ARN (<c>arn:aws:iam::111122223333:role/name</c>); empty when well-formed.</summary>
    public static List<string> PrincipalArnProblems(string text, IamData iam)
    {
        var problems = new List<string>();
        if (!Arn.TryParse(text, out var arn))
        {
            var fields = Arn.FieldCount(text);
            problems.Add($"it has {fields} field{(fields == 1 ? "" : "s")} where a principal ARN has 6 (`arn:aws:iam::ACCOUNT:role/NAME`)");
            return problems;
        }

        if (text.IndexOfAny(Glob.WildcardChars) >= 0)
            problems.Add("it has a wildcard, and principal ARNs take none (match callers with an `aws:PrincipalArn` condition and `ArnLike` instead)");
        CheckPartition(arn, iam, problems);
        if (arn.Service is not ("iam" or "sts"))
            problems.Add($"the service `{arn.Service}` is not `iam` or `sts`: principals are IAM users, roles, accounts (`:root`) or STS sessions");
        if (arn.Region.Length > 0)
            problems.Add($"it has the region `{arn.Region}`, but IAM and STS ARNs have an empty region");
        if (arn.Account.Length == 0)
            problems.Add("the account field is empty");
        else if (!Arn.IsAccountId(arn.Account) && arn.Account.IndexOfAny(Glob.WildcardChars) < 0)
            problems.Add(AccountProblem(arn.Account));
        if (arn.Resource.Length == 0)
            problems.Add("the resource part (`root`, `role/NAME`, `user/NAME` ...) is empty");
        return problems;
    }

    /// <summary>"the account `1234567890` has 10 digits, not 12".</summary>
    public static string AccountProblem(string account) =>
        Arn.AllDigits(account)
            ? $"the account `{account}` has {account.Length} digit{(account.Length == 1 ? "" : "s")}, not 12"
            : $"the account `{account}` is not a 12-digit account ID";

    private static bool CheckPartition(Arn arn, IamData iam, List<string> problems)
    {
        var names = iam.Partitions.Select(p => p.Name).ToList();
        if (arn.Partition.Length == 0)
        {
            problems.Add("the partition field is empty (`aws`, `aws-cn`, `aws-us-gov` ...)");
            return false;
        }

        if (arn.Partition.IndexOfAny(Glob.WildcardChars) >= 0)
        {
            var glob = Glob.Get(arn.Partition, ignoreCase: false);
            if (!names.Any(glob.IsMatch)) problems.Add($"the partition pattern `{arn.Partition}` matches no AWS partition");
            return false;
        }

        if (!names.Contains(arn.Partition, StringComparer.Ordinal))
        {
            problems.Add($"the partition `{arn.Partition}` is not an AWS partition (`aws`, `aws-cn`, `aws-us-gov` ...)");
            return false;
        }

        return true;
    }

    private static void CheckRegion(Arn arn, IamData iam, bool knownPartition, List<string> problems)
    {
        var region = arn.Region;
        if (region.Length == 0)
        {
            if (RegionalServices.Contains(arn.Service))
                problems.Add($"the region field is empty, and {arn.Service} ARNs name a region (`us-east-1` ...)");
            return;
        }

        if (region.IndexOfAny(Glob.WildcardChars) >= 0)
        {
            var glob = Glob.Get(region, ignoreCase: false);
            if (!iam.AllRegions.Any(glob.IsMatch)) problems.Add($"the region pattern `{region}` matches no AWS region");
            return;
        }

        var partition = iam.PartitionOfRegion(region);
        if (partition is null)
        {
            var near = Suggestions.Nearest(region, iam.AllRegions);
            problems.Add($"the region `{region}` is not an AWS region{(near is null ? "" : $" (did you mean `{near}`?)")}");
        }
        else if (knownPartition && partition.Name != arn.Partition)
        {
            problems.Add($"the region `{region}` is in the partition `{partition.Name}`, not `{arn.Partition}`");
        }
    }

    private static void CheckAccount(Arn arn, List<string> problems)
    {
        var account = arn.Account;
        if (account.Length == 0)
        {
            if (RegionalServices.Contains(arn.Service))
                problems.Add($"the account field is empty, and {arn.Service} ARNs name the 12-digit account");
            return;
        }

        if (account.IndexOfAny(Glob.WildcardChars) >= 0)
        {
            // 1111222233?? or *: a pattern of digits, at most 12 of them.
            var digits = account.Count(char.IsDigit);
            if (account.Any(c => !char.IsDigit(c) && c != '*' && c != '?') || digits > 12)
                problems.Add($"the account pattern `{account}` cannot match a 12-digit account ID");
            return;
        }

        if (account == "aws" && arn.Service == "iam") return; // AWS managed policies: arn:aws:iam::aws:policy/...
        if (!Arn.IsAccountId(account)) problems.Add(AccountProblem(account));
    }

    private static void CheckEcrResource(Arn arn, List<string> problems)
    {
        var resource = arn.Resource;
        if (resource.IndexOfAny(Glob.WildcardChars) >= 0)
        {
            if (Glob.Get(resource, ignoreCase: false).MatchesAllWithPrefix("repository/") == Truth.False && !resource.StartsWith("repository/", StringComparison.Ordinal))
                problems.Add($"the resource `{resource}` is not `repository/NAME`, the only ECR resource type");
            return;
        }

        if (!resource.StartsWith("repository/", StringComparison.Ordinal))
        {
            problems.Add($"the resource `{resource}` is not `repository/NAME`, the only ECR resource type");
            return;
        }

        var name = resource.Substring("repository/".Length);
        if (name.IndexOf("${", StringComparison.Ordinal) >= 0) return;
        if (!Arn.IsValidRepositoryName(name))
            problems.Add($"`{name}` is not a valid repository name (lower-case letters, digits and `._-` parts, `/` between namespaces, 2-256 characters)");
    }
}
