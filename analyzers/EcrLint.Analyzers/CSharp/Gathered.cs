using System;
using System.Collections;
using System.Collections.Generic;

namespace EcrLint.Analyzers.CSharp;

/// <summary>
/// What the node actions of one type gather for its symbol end: added to from concurrent callbacks, read after
/// they are all done. The list is allocated on the first add, so a type with no CDK or SDK code (most types of a
/// project) costs one empty field instead of a concurrent queue's first segment.
/// </summary>
internal sealed class Gathered<T> : IEnumerable<T>
{
    private readonly object _gate = new();
    private List<T>? _items;

    public void Enqueue(T item)
    {
        lock (_gate)
        {
            (_items ??= new List<T>()).Add(item);
        }
    }

    public bool IsEmpty => _items is null;

    /// <summary>A snapshot: safe even if a callback of the type were still adding.</summary>
    public IEnumerator<T> GetEnumerator()
    {
        T[] snapshot;
        lock (_gate)
        {
            snapshot = _items is null ? Array.Empty<T>() : _items.ToArray();
        }

        return ((IEnumerable<T>)snapshot).GetEnumerator();
    }

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
}
