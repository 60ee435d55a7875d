using System.Collections.Concurrent;
using System.Threading;
using EcrLint.Text;
using Microsoft.CodeAnalysis;

namespace EcrLint.Analyzers.CSharp;

/// <summary>
/// The engine's view of C# files: one <see cref="SourceDocument"/> per syntax tree (its text and path), created
/// when a policy is first found in it, so that line numbers in messages are the C# file's.
/// </summary>
internal sealed class HostDocuments
{
    private readonly ConcurrentDictionary<SyntaxTree, SourceDocument> _documents = new();

    public SourceDocument Get(SyntaxTree tree, CancellationToken cancellationToken)
    {
        if (_documents.TryGetValue(tree, out var doc)) return doc;
        doc = new SourceDocument(tree.FilePath ?? "", tree.GetText(cancellationToken).ToString());
        return _documents.GetOrAdd(tree, doc);
    }
}
