using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Reflection;
using System.Text;
using System.Threading;
using EcrLint.Evaluation;

namespace EcrLint.Iam;

[Flags]
public enum AccessLevel
{
    None = 0,
    List = 1,
    Read = 2,
    Write = 4,
    PermissionsManagement = 8,
    Tagging = 16,
}

/// <summary>One IAM action, in AWS's casing, with details for the services EcrLint reasons about.</summary>
public sealed class IamAction
{
    internal IamAction(string service, string name)
    {
        Service = service;
        Name = name;
        FullName = service + ":" + name;
    }

    public string Service { get; }
    public string Name { get; }

    /// <summary><c>service:Action</c> in AWS's canonical casing.</summary>
    public string FullName { get; }

    /// <summary>False for services whose per-action details are not embedded.</summary>
    public bool HasDetails { get; internal set; }

    public AccessLevel AccessLevel { get; internal set; }

    /// <summary>Resource types the action can be scoped to; empty means only <c>"Resource": "*"</c>.</summary>
    public IReadOnlyList<string> ResourceTypes { get; internal set; } = Array.Empty<string>();

    public IReadOnlyList<string> ConditionKeys { get; internal set; } = Array.Empty<string>();

    public override string ToString() => FullName;
}

public sealed class PartitionInfo
{
    internal PartitionInfo(string name, string dnsSuffix, string serviceNamePrefix, IReadOnlyList<string> regions)
    {
        Name = name;
        DnsSuffix = dnsSuffix;
        ServiceNamePrefix = serviceNamePrefix;
        Regions = regions;
    }

    /// <summary><c>aws</c>, <c>aws-cn</c>, <c>aws-us-gov</c> ...</summary>
    public string Name { get; }
    public string DnsSuffix { get; }

    /// <summary>The prefix of interface endpoint service names: <c>com.amazonaws</c>, <c>cn.com.amazonaws</c> ...</summary>
    public string ServiceNamePrefix { get; }
    public IReadOnlyList<string> Regions { get; }
}

/// <summary>
/// The embedded AWS data: every action of every service (from the Service Authorization Reference), details
/// for ecr, ecr-public, s3, logs and ecs, global condition keys, and partitions with their regions.
/// Regenerate with <c>rules/EcrLint.Rules/Data/regenerate.py</c>.
/// </summary>
public sealed class IamData
{
    private static IamData? s_instance;

    // Every service, in data order; a service's actions are read from the data the first time they are asked for
    // (most runs look at a handful of the ~450 services, and reading all of them is most of the start-up time).
    private readonly Dictionary<string, ServiceActions> _services = new(StringComparer.OrdinalIgnoreCase);
    private readonly Dictionary<string, string> _resourceTypeArns = new(StringComparer.Ordinal);
    private readonly HashSet<string> _conditionKeys = new(StringComparer.OrdinalIgnoreCase);
    private readonly List<string> _conditionKeyPatterns = new();
    private readonly Dictionary<string, PartitionInfo> _regionPartition = new(StringComparer.Ordinal);
    private readonly List<PartitionInfo> _partitions = new();
    private readonly HashSet<string> _detailedServices = new(StringComparer.OrdinalIgnoreCase);

    public static IamData Instance
    {
        get
        {
            var data = Volatile.Read(ref s_instance);
            if (data is not null) return data;
            Interlocked.CompareExchange(ref s_instance, Load(), null);
            return s_instance!;
        }
    }

    public IEnumerable<string> ServicePrefixes => _services.Keys;

    public IReadOnlyList<PartitionInfo> Partitions => _partitions;

    public IEnumerable<string> AllRegions => _regionPartition.Keys;

    public bool IsKnownService(string prefix) => _services.ContainsKey(prefix);

    /// <summary>True when per-action details (access level, resource types, condition keys) are embedded.</summary>
    public bool HasDetails(string service) => _detailedServices.Contains(service);

    /// <summary>Finds an action by its <c>service:Action</c> name, case-insensitively.</summary>
    public bool TryGetAction(string fullName, out IamAction action)
    {
        action = null!;
        var colon = fullName.IndexOf(':');
        if (colon <= 0) return false;
        return _services.TryGetValue(fullName.Substring(0, colon), out var actions)
            && actions.Actions.TryGetValue(fullName.Substring(colon + 1), out action!);
    }

    public IReadOnlyCollection<IamAction> ActionsOf(string service) =>
        _services.TryGetValue(service, out var actions) ? actions.Actions.Values : (IReadOnlyCollection<IamAction>)Array.Empty<IamAction>();

    /// <summary>The actions an action pattern (<c>ecr:Get*</c>, <c>s3:*Object</c>, <c>*</c>) matches, case-insensitively.</summary>
    public IEnumerable<IamAction> Match(string pattern)
    {
        var colon = pattern.IndexOf(':');
        if (colon < 0)
        {
            if (pattern.Trim() == "*")
                return _services.Values.SelectMany(s => s.Actions.Values);
            return Array.Empty<IamAction>();
        }

        var servicePattern = pattern.Substring(0, colon);
        var glob = Glob.Get(pattern, ignoreCase: true);
        if (servicePattern.IndexOfAny(Glob.WildcardChars) < 0)
        {
            if (!_services.TryGetValue(servicePattern, out var actions)) return Array.Empty<IamAction>();
            return actions.Actions.Values.Where(a => glob.IsMatch(a.FullName));
        }

        return _services.Values.SelectMany(s => s.Actions.Values).Where(a => glob.IsMatch(a.FullName));
    }

    /// <summary>The ARN pattern of a resource type (<c>ecr</c>, <c>repository</c>), with ${Partition}-style fields.</summary>
    public string? ResourceTypeArn(string service, string type) =>
        _resourceTypeArns.TryGetValue(service + "\t" + type, out var arn) ? arn : null;

    /// <summary>
    /// True for a global condition key or a key of a detailed service (<c>ecr:ResourceTag/team</c>); keys of
    /// other services are not known and return null.
    /// </summary>
    public bool? IsKnownConditionKey(string key)
    {
        if (_conditionKeys.Contains(key)) return true;
        foreach (var pattern in _conditionKeyPatterns)
        {
            if (key.StartsWith(pattern, StringComparison.OrdinalIgnoreCase) && key.Length > pattern.Length) return true;
        }

        var colon = key.IndexOf(':');
        if (colon <= 0) return false;
        var service = key.Substring(0, colon);
        if (service.Equals("aws", StringComparison.OrdinalIgnoreCase) || _detailedServices.Contains(service)) return false;
        return null;
    }

    public bool IsRegion(string region) => _regionPartition.ContainsKey(region);

    public PartitionInfo? PartitionOfRegion(string region) => _regionPartition.TryGetValue(region, out var p) ? p : null;

    public PartitionInfo? Partition(string name) => _partitions.FirstOrDefault(p => p.Name == name);

    private static IamData Load()
    {
        var data = new IamData();
        // iam-actions.txt: "service<TAB>Action,Action,..." per line. Only the service names are read now.
        var actionsData = ReadBytes("iam-actions.txt");
        foreach (var (start, length) in Lines(actionsData))
        {
            var tab = Array.IndexOf(actionsData, (byte)'\t', start, length);
            if (tab < 0) tab = start + length; // Read as a service without actions (as the text would be cut).
            var service = Encoding.UTF8.GetString(actionsData, start, tab - start);
            var rest = tab < start + length ? (tab + 1, start + length - tab - 1) : (start + length, 0);
            if (data._services.TryGetValue(service, out var existing)) existing.SetActions(actionsData, rest.Item1, rest.Item2);
            else data._services[service] = new ServiceActions(service, actionsData, rest.Item1, rest.Item2);
        }

        // iam-action-details.txt: "service:Action<TAB>levels<TAB>resource types<TAB>condition keys"; applied when the service is read.
        foreach (var line in ReadLines("iam-action-details.txt"))
        {
            var colon = line.IndexOf(':');
            var service = line.Substring(0, colon);
            data._detailedServices.Add(service);
            if (!data._services.TryGetValue(service, out var actions))
                data._services[service] = actions = new ServiceActions(service, null, 0, 0);
            actions.AddDetails(line);
        }

        foreach (var line in ReadLines("iam-resource-types.txt"))
        {
            var f = line.Split('\t');
            data._resourceTypeArns[f[0] + "\t" + f[1]] = f[2];
        }

        foreach (var key in ReadLines("iam-condition-keys.txt"))
        {
            // Keys with a variable part (`aws:ResourceTag/${TagKey}`, `s3:ExistingObjectTag/<key>`) match by prefix.
            var variable = key.IndexOf("${", StringComparison.Ordinal);
            if (variable < 0) variable = key.IndexOf('<');
            if (variable >= 0) data._conditionKeyPatterns.Add(key.Substring(0, variable));
            else data._conditionKeys.Add(key);
        }

        foreach (var line in ReadLines("regions.txt"))
        {
            var f = line.Split('\t');
            var partition = new PartitionInfo(f[0], f[1], f[2], f[3].Split(','));
            data._partitions.Add(partition);
            foreach (var region in partition.Regions) data._regionPartition[region] = partition;
        }

        return data;
    }

    private static AccessLevel ParseLevel(string text)
    {
        var level = AccessLevel.None;
        foreach (var part in text.Split(','))
        {
            switch (part.Trim())
            {
                case "List": level |= AccessLevel.List; break;
                case "Read": level |= AccessLevel.Read; break;
                case "Write": level |= AccessLevel.Write; break;
                case "Permissions management": level |= AccessLevel.PermissionsManagement; break;
                case "Tagging": level |= AccessLevel.Tagging; break;
            }
        }

        return level;
    }

    /// <summary>One service's actions: the raw data line, read into a table on first use (thread-safe).</summary>
    private sealed class ServiceActions
    {
        private readonly string _service;
        private byte[]? _data;
        private int _start;
        private int _length;
        private List<string>? _details;
        private Dictionary<string, IamAction>? _actions;

        public ServiceActions(string service, byte[]? data, int start, int length)
        {
            _service = service;
            SetActions(data, start, length);
        }

        /// <summary>The actions line (a later line for the same service replaces an earlier one, as in a table).</summary>
        public void SetActions(byte[]? data, int start, int length)
        {
            _data = data;
            _start = start;
            _length = length;
        }

        public void AddDetails(string line) => (_details ??= new List<string>()).Add(line);

        public Dictionary<string, IamAction> Actions => Volatile.Read(ref _actions) ?? Build();

        private Dictionary<string, IamAction> Build()
        {
            lock (this)
            {
                if (_actions is not null) return _actions;
                var actions = new Dictionary<string, IamAction>(StringComparer.OrdinalIgnoreCase);
                if (_data is not null)
                {
                    foreach (var name in Encoding.UTF8.GetString(_data, _start, _length).Split(','))
                    {
                        if (name.Length > 0) actions[name] = new IamAction(_service, name);
                    }
                }

                if (_details is not null)
                {
                    foreach (var line in _details)
                    {
                        var f = line.Split('\t');
                        var colon = f[0].IndexOf(':');
                        var service = f[0].Substring(0, colon);
                        var name = f[0].Substring(colon + 1);
                        if (!actions.TryGetValue(name, out var action)) actions[name] = action = new IamAction(service, name);
                        action.HasDetails = true;
                        action.AccessLevel = ParseLevel(f[1]);
                        action.ResourceTypes = f.Length > 2 && f[2].Length > 0 ? f[2].Split(',').Select(t => t.TrimEnd('?')).ToArray() : Array.Empty<string>();
                        action.ConditionKeys = f.Length > 3 && f[3].Length > 0 ? f[3].Split(',') : Array.Empty<string>();
                    }
                }

                Volatile.Write(ref _actions, actions);
                return actions;
            }
        }
    }

    private static byte[] ReadBytes(string name)
    {
        using var stream = typeof(IamData).GetTypeInfo().Assembly.GetManifestResourceStream("EcrLint.Data." + name)
            ?? throw new InvalidOperationException($"Embedded data EcrLint.Data.{name} is missing from the build.");
        var bytes = new byte[stream.Length];
        var read = 0;
        while (read < bytes.Length)
        {
            var n = stream.Read(bytes, read, bytes.Length - read);
            if (n == 0) break;
            read += n;
        }

        return bytes;
    }

    /// <summary>The lines of UTF-8 data (split as <see cref="StreamReader.ReadLine"/> does), without empty and <c>#</c> lines.</summary>
    private static IEnumerable<(int Start, int Length)> Lines(byte[] data)
    {
        var start = data.Length >= 3 && data[0] == 0xEF && data[1] == 0xBB && data[2] == 0xBF ? 3 : 0;
        while (start < data.Length)
        {
            var end = start;
            while (end < data.Length && data[end] != (byte)'\n' && data[end] != (byte)'\r') end++;
            if (end > start && data[start] != (byte)'#') yield return (start, end - start);
            if (end < data.Length && data[end] == (byte)'\r' && end + 1 < data.Length && data[end + 1] == (byte)'\n') end++;
            start = end + 1;
        }
    }

    private static IEnumerable<string> ReadLines(string name)
    {
        using var stream = typeof(IamData).GetTypeInfo().Assembly.GetManifestResourceStream("EcrLint.Data." + name)
            ?? throw new InvalidOperationException($"Embedded data EcrLint.Data.{name} is missing from the build.");
        using var reader = new StreamReader(stream);
        string? line;
        while ((line = reader.ReadLine()) is not null)
        {
            if (line.Length == 0 || line[0] == '#') continue;
            yield return line;
        }
    }
}
