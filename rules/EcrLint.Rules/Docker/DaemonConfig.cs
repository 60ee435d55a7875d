using System;
using System.Collections.Generic;
using System.Linq;
using EcrLint.Json;
using EcrLint.Text;

namespace EcrLint.Docker;

/// <summary>One item of <c>allow-nondistributable-artifacts</c>, as written.</summary>
public sealed class DaemonEntry
{
    internal DaemonEntry(JsonNode node)
    {
        Node = node;
        Value = (node as JsonString)?.Value;
    }

    /// <summary>The text of the entry; null when the item is not a string (a number, an object ...).</summary>
    public string? Value { get; }

    /// <summary>The item's node (for fixes: <c>JsonEdits.ReplaceString</c>).</summary>
    public JsonNode Node { get; }

    public TextSpan Span => Node.Span;

    public SourceLocation Location => Node.Location;

    public override string ToString() => Value ?? Node.KindName;
}

/// <summary>
/// A Docker daemon configuration (<c>daemon.json</c>): what the Windows rules (ECR501, ECR502) read. Only the
/// <c>allow-nondistributable-artifacts</c> key matters to them (F21); the other keys are kept for detection.
/// </summary>
public sealed class DaemonConfig
{
    public const string NondistributableKey = "allow-nondistributable-artifacts";

    /// <summary>Top-level keys of dockerd's configuration file (used to recognise a <c>daemon.json</c>).</summary>
    public static readonly IReadOnlyList<string> KnownKeys = new[]
    {
        NondistributableKey, "authorization-plugins", "bip", "bip6", "bridge", "builder", "cgroup-parent", "containerd", "containerd-namespace",
        "containerd-plugins-namespace", "data-root", "debug", "default-address-pools", "default-cgroupns-mode", "default-gateway",
        "default-gateway-v6", "default-ipc-mode", "default-network-opts", "default-runtime", "default-shm-size", "default-ulimits",
        "dns", "dns-opts", "dns-search", "exec-opts", "exec-root", "experimental", "features", "fixed-cidr", "fixed-cidr-v6", "group",
        "host-gateway-ip", "hosts", "icc", "init", "init-path", "insecure-registries", "ip", "ip-forward", "ip-masq", "iptables",
        "ip6tables", "ipv6", "labels", "live-restore", "log-driver", "log-format", "log-level", "log-opts", "max-concurrent-downloads",
        "max-concurrent-uploads", "max-download-attempts", "mtu", "no-new-privileges", "node-generic-resources", "oom-score-adjust",
        "pidfile", "raw-logs", "registry-mirrors", "runtimes", "seccomp-profile", "selinux-enabled", "shutdown-timeout", "storage-driver",
        "storage-opts", "swarm-default-advertise-addr", "tls", "tlscacert", "tlscert", "tlskey", "tlsverify", "userland-proxy",
        "userland-proxy-path", "userns-remap",
    };

    private DaemonConfig(JsonObject root)
    {
        Root = root;
        Property = root.Get(NondistributableKey);
        var entries = new List<DaemonEntry>();
        switch (Property?.Value)
        {
            case JsonArray a:
                entries.AddRange(a.Items.Select(i => new DaemonEntry(i)));
                break;
            case { } single:
                entries.Add(new DaemonEntry(single));
                break;
        }

        Entries = entries;
    }

    public static DaemonConfig Read(JsonObject root) => new(root);

    public JsonObject Root { get; }
    public SourceDocument Document => Root.Document;

    /// <summary>The <c>allow-nondistributable-artifacts</c> member, when present.</summary>
    public JsonProperty? Property { get; }

    /// <summary>True when the value is an array (as dockerd requires); false when it is written as a single value.</summary>
    public bool IsArray => Property?.Value is JsonArray;

    /// <summary>The entries, each with its span (a single non-array value counts as one entry).</summary>
    public IReadOnlyList<DaemonEntry> Entries { get; }

    /// <summary>
    /// rules.md "File kinds": a file with an <c>allow-nondistributable-artifacts</c> key, or a file named
    /// <c>daemon.json</c> with other daemon keys.
    /// </summary>
    public static bool IsDaemonConfig(string path, JsonNode root)
    {
        if (root is not JsonObject o) return false;
        if (o.Get(NondistributableKey) is not null) return true;
        var name = System.IO.Path.GetFileName(path);
        if (!string.Equals(name, "daemon.json", StringComparison.OrdinalIgnoreCase)) return false;
        return o.Properties.Count > 0 && o.Properties.Any(p => KnownKeys.Contains(p.Name, StringComparer.Ordinal));
    }
}
