using System.Text;

namespace EcrLint.Bench;

/// <summary>
/// Writes a corpus of realistic policy files: S3 gateway endpoint policies, ECR endpoint policies and task-role
/// identity policies of the sizes teams write (a few hundred bytes to ~10 KB), pretty-printed or compact, LF or
/// CRLF, some with the defects EcrLint looks for. Deterministic for a seed.
/// </summary>
public static class CorpusGenerator
{
    private static readonly string[] Regions = { "us-east-1", "us-east-2", "us-west-2", "eu-west-1", "eu-central-1", "ap-southeast-2", "ap-northeast-1" };
    private static readonly string[] Repos = { "team/api", "team/worker", "payments/ledger", "web", "batch/etl", "ml/inference", "tools/ci-runner" };
    private static readonly string[] PullActions = { "ecr:BatchGetImage", "ecr:GetDownloadUrlForLayer", "ecr:GetAuthorizationToken", "ecr:BatchCheckLayerAvailability" };
    private static readonly string[] Misspelled = { "ecr:GetDownloadUrlForLayers", "ecr:BatchGetImages", "ecr:GetAuthToken" };

    public static long Generate(string folder, int count, int seed)
    {
        Directory.CreateDirectory(folder);
        var random = new Random(seed);
        long bytes = 0;
        for (var i = 0; i < count; i++)
        {
            var (name, text) = (i % 3) switch
            {
                0 => ($"s3-{i:D5}.s3-endpoint-policy.json", S3Policy(random)),
                1 => ($"ecr-{i:D5}.ecr-endpoint-policy.json", EcrPolicy(random)),
                _ => ($"role-{i:D5}.identity-policy.json", IdentityPolicy(random)),
            };
            if (random.Next(4) == 0) text = text.Replace("\n", "\r\n", StringComparison.Ordinal);
            var sub = Path.Combine(folder, (i / 1000).ToString("D2"));
            Directory.CreateDirectory(sub);
            var data = Encoding.UTF8.GetBytes(text);
            File.WriteAllBytes(Path.Combine(sub, name), data);
            bytes += data.Length;
        }

        return bytes;
    }

    private static string Account(Random r) => (200000000000L + r.NextInt64(700000000000L)).ToString();

    private static string S3Policy(Random r)
    {
        var region = Regions[r.Next(Regions.Length)];
        var statements = new List<string>
        {
            Statement("AllowEcrLayers", "Allow", "\"*\"", Quote("s3:GetObject"), Quote(r.Next(20) == 0 ? "arn:aws:s3:::prod-region-starport-layer-bucket/*" : $"arn:aws:s3:::prod-{region}-starport-layer-bucket/*"), null),
        };
        var buckets = r.Next(0, 12);
        for (var b = 0; b < buckets; b++)
        {
            statements.Add(Statement($"AppBucket{b}", "Allow", "\"*\"", List("s3:GetObject", "s3:PutObject", "s3:ListBucket"),
                List($"arn:aws:s3:::app-{b}-{region}", $"arn:aws:s3:::app-{b}-{region}/*"),
                $"{{ \"StringEquals\": {{ \"aws:PrincipalAccount\": \"{Account(r)}\" }} }}"));
        }

        return Document(statements, r);
    }

    private static string EcrPolicy(Random r)
    {
        var region = Regions[r.Next(Regions.Length)];
        var account = Account(r);
        var statements = new List<string>();
        if (r.Next(2) == 0) statements.Add(Statement("AllowAll", "Allow", "\"*\"", Quote("*"), Quote("*"), null));
        var roles = r.Next(1, 10);
        for (var i = 0; i < roles; i++)
        {
            var actions = PullActions.Take(r.Next(2, 5)).Select(a => r.Next(30) == 0 ? Misspelled[r.Next(Misspelled.Length)] : a).ToArray();
            statements.Add(Statement($"AllowPull{i}", "Allow", $"{{ \"AWS\": \"arn:aws:iam::{account}:role/app-{i}-task-execution\" }}", List(actions), Quote("*"), null));
        }

        statements.Add(Statement("PreventDelete", r.Next(25) == 0 ? "Allow" : "Deny", "\"*\"", Quote("ecr:DeleteRepository"),
            List(Repos.Take(r.Next(1, Repos.Length)).Select(n => $"arn:aws:ecr:{region}:{account}:repository/{n}").ToArray()), null));
        return Document(statements, r);
    }

    private static string IdentityPolicy(Random r)
    {
        var region = Regions[r.Next(Regions.Length)];
        var account = Account(r);
        var statements = new List<string>
        {
            Statement("Pull", "Allow", null, List("ecr:BatchGetImage", "ecr:GetDownloadUrlForLayer"), Quote($"arn:aws:ecr:{region}:{account}:repository/{Repos[r.Next(Repos.Length)]}"), null),
            Statement("Token", "Allow", null, Quote("ecr:GetAuthorizationToken"), Quote("*"), null),
            Statement("Logs", "Allow", null, List("logs:CreateLogStream", "logs:PutLogEvents"), Quote($"arn:aws:logs:{region}:{account}:log-group:/ecs/app-*:*"), null),
        };
        var extra = r.Next(0, 6);
        for (var i = 0; i < extra; i++)
        {
            statements.Add(Statement($"Queue{i}", "Allow", null, List("sqs:SendMessage", "sqs:ReceiveMessage", "sqs:DeleteMessage"), Quote($"arn:aws:sqs:{region}:{account}:jobs-{i}"),
                "{ \"Bool\": { \"aws:SecureTransport\": \"true\" } }"));
        }

        return Document(statements, r);
    }

    private static string Quote(string s) => "\"" + s + "\"";

    private static string List(params string[] items) => "[" + string.Join(", ", items.Select(Quote)) + "]";

    private static string Statement(string sid, string effect, string? principal, string action, string resource, string? condition)
    {
        var sb = new StringBuilder("{\n      \"Sid\": ").Append(Quote(sid)).Append(",\n      \"Effect\": ").Append(Quote(effect));
        if (principal is not null) sb.Append(",\n      \"Principal\": ").Append(principal);
        sb.Append(",\n      \"Action\": ").Append(action).Append(",\n      \"Resource\": ").Append(resource);
        if (condition is not null) sb.Append(",\n      \"Condition\": ").Append(condition);
        return sb.Append("\n    }").ToString();
    }

    private static string Document(List<string> statements, Random r)
    {
        var text = "{\n  \"Version\": \"2012-10-17\",\n  \"Statement\": [\n    " + string.Join(",\n    ", statements) + "\n  ]\n}\n";
        // A third of the files are written compactly, as tools and consoles emit them.
        return r.Next(3) == 0 ? string.Join(" ", text.Split('\n').Select(l => l.Trim())).Trim() + "\n" : text;
    }
}
