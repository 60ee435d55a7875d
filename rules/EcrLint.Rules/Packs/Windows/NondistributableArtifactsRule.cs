using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.RegularExpressions;
using EcrLint.Docker;
using EcrLint.Fixes;
using EcrLint.Iam;
using EcrLint.Json;
using EcrLint.Rules;

namespace EcrLint.Packs.Windows;

/// <summary>
/// ECR501: an <c>allow-nondistributable-artifacts</c> entry that is not a bare ECR registry host
/// (<c>ACCOUNT.dkr.ecr.REGION.amazonaws.com</c>): a scheme, a path, a port, a misspelled host, or another registry
/// (F21). The fix strips the entry to its host when that host is an ECR registry. ECR502: the option is relied on,
/// but Docker Engine 28 deprecated it and ignores it (F21).
/// </summary>
public sealed class NondistributableArtifactsRule : DaemonRule
{
    private static readonly Regex EcrHost = new(
        @"^(?<account>[0-9]+)\.dkr\.ecr(?<fips>-fips)?\.(?<region>[a-z0-9-]+)\.(?<suffix>amazonaws\.com\.cn|amazonaws\.com|amazonaws\.eu|[a-z0-9.-]+)$",
        RegexOptions.CultureInvariant);

    public override IReadOnlyList<RuleDescriptor> Descriptors { get; } = new[] { RuleCatalog.ECR501, RuleCatalog.ECR502 };

    public override void Analyze(DaemonContext context)
    {
        var config = context.Config;
        if (config.Property is not { } property) return;

        if (context.IsEnabled(RuleCatalog.ECR501))
        {
            if (!config.IsArray && config.Entries.Count == 1 && config.Entries[0].Value is not null)
            {
                var single = config.Entries[0];
                context.Report(RuleCatalog.ECR501, single.Location,
                    $"`{DaemonConfig.NondistributableKey}` is a single string: dockerd reads it only as an array of registry hosts and does not start. " +
                    "Write it as an array.",
                    new Fix("Write the entry as an array", config.Document, new TextEdit(single.Span, "[" + config.Document.Text.Substring(single.Span.Start, single.Span.Length) + "]"), "WrapInArray"));
            }

            foreach (var entry in config.Entries) CheckEntry(context, entry);
        }

        if (context.IsEnabled(RuleCatalog.ECR502) && config.Entries.Count > 0)
        {
            context.Report(RuleCatalog.ECR502, property.NameLocation,
                $"`{DaemonConfig.NondistributableKey}` is relied on, but Docker Engine 28 deprecated it: the engine ignores it with a warning " +
                "(an error is planned), so foreign Windows layers are not pushed to ECR because of it (F21). Check how the Windows base layers reach " +
                "your registry with the engine version you run, and remove the option.");
        }
    }

    private static void CheckEntry(DaemonContext context, DaemonEntry entry)
    {
        if (entry.Value is not { } value)
        {
            context.Report(RuleCatalog.ECR501, entry.Location,
                $"This `{DaemonConfig.NondistributableKey}` entry is {entry.Node.KindName}, not a registry host: dockerd does not start. " +
                "Write the ECR registry host as a string: `ACCOUNT.dkr.ecr.REGION.amazonaws.com` (F21).");
            return;
        }

        var problems = new List<string>();
        var host = value;
        if (host.Trim().Length != host.Length)
        {
            problems.Add("it has surrounding whitespace");
            host = host.Trim();
        }

        var scheme = host.IndexOf("://", StringComparison.Ordinal);
        if (scheme >= 0)
        {
            problems.Add($"it has a scheme (`{host.Substring(0, scheme + 3)}`)");
            host = host.Substring(scheme + 3);
        }

        var slash = host.IndexOf('/');
        if (slash >= 0)
        {
            var path = host.Substring(slash);
            if (path != "/" || problems.Count == 0) problems.Add($"it has a path (`{path}`)");
            else problems.Add("it has a trailing `/`");
            host = host.Substring(0, slash);
        }

        var colon = host.LastIndexOf(':');
        if (colon >= 0 && colon < host.Length - 1 && host.Substring(colon + 1).All(char.IsDigit))
        {
            problems.Add($"it has a port (`{host.Substring(colon)}`), which image names for ECR never carry, so it matches no pull or push");
            host = host.Substring(0, colon);
        }

        if (host.Any(char.IsUpper))
        {
            problems.Add("it is not lower case, as image names are");
            host = host.ToLowerInvariant();
        }

        var hostProblem = EcrHostProblem(host);
        if (problems.Count == 0 && hostProblem is null) return;

        Fix? fix = null;
        string advice;
        if (hostProblem is null)
        {
            fix = new Fix(RuleCatalog.ECR501.FixTitle!, context.Config.Document, JsonEdits.ReplaceString(entry.Node, host), "StripToHost");
            advice = $"Use the bare host `{host}`.";
        }
        else
        {
            problems.Add(hostProblem);
            advice = "Use the ECR registry host `ACCOUNT.dkr.ecr.REGION.amazonaws.com` the Windows images are pushed to.";
        }

        context.Report(RuleCatalog.ECR501, entry.Location,
            $"The `{DaemonConfig.NondistributableKey}` entry `{value}` is not a bare ECR registry host: {string.Join("; ", problems)} (F21). {advice}",
            fix);
    }

    /// <summary>Why a host (no scheme, path or port) is not an ECR registry host; null when it is one.</summary>
    internal static string? EcrHostProblem(string host)
    {
        if (host.Length == 0) return "it is empty";
        var m = EcrHost.Match(host);
        if (!m.Success)
        {
            if (host.IndexOf("dkr", StringComparison.Ordinal) >= 0 || host.IndexOf("ecr", StringComparison.Ordinal) >= 0)
                return $"`{host}` does not have the shape `ACCOUNT.dkr.ecr.REGION.amazonaws.com`";
            if (host.IndexOf('/') >= 0 || host.All(c => char.IsDigit(c) || c == '.'))
                return $"`{host}` is an address, not an ECR registry";
            return $"`{host}` is not an ECR registry host (`ACCOUNT.dkr.ecr.REGION.amazonaws.com`)";
        }

        var account = m.Groups["account"].Value;
        if (account.Length != 12) return $"the account `{account}` is not 12 digits";
        var region = m.Groups["region"].Value;
        var partition = IamData.Instance.PartitionOfRegion(region);
        if (partition is null) return $"`{region}` is not a known region";
        var suffix = m.Groups["suffix"].Value;
        if (partition.DnsSuffix.Length > 0 && suffix != partition.DnsSuffix)
            return $"the domain `{suffix}` is not `{partition.DnsSuffix}`, the domain of `{region}`";
        return null;
    }
}
