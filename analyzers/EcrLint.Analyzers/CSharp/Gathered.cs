using System;
using System.Collections;
using System.Collections.Generic;
using System.Threading;

namespace EcrLint.Analyzers.CSharp;

/// <summary>
/// What the operation actions of one type gather for its symbol end: added to from concurrent callbacks, read after
/// they are all done, in the order added. A lock-free stack of nodes: an add is one small allocation and one
/// compare-and-swap (a lock here was contended by the analyzer driver's threads), and a type with no CDK or SDK
/// code (most types of a project) costs one empty field.
/// </summary>
internal sealed class Gathered<T> : IEnumerable<T>
{
    private sealed class Node
    {
        public Node(T item, Node? next)
        {
            Item = item;
            Next = next;
        }

        public readonly T Item;
        public readonly Node? Next;
    }

    private Node? _head;

    public void Enqueue(T item)
    {
        while (true)
        {
            var head = Volatile.Read(ref _head);
            if (Interlocked.CompareExchange(ref _head, new Node(item, head), head) == head) return;
        }
    }

    public bool IsEmpty => Volatile.Read(ref _head) is null;

    /// <summary>A snapshot in the order the items were added: safe even if a callback of the type were still adding.</summary>
    public IEnumerator<T> GetEnumerator()
    {
        var head = Volatile.Read(ref _head);
        var count = 0;
        for (var n = head; n is not null; n = n.Next) count++;
        if (count == 0) return ((IEnumerable<T>)Array.Empty<T>()).GetEnumerator();
        var items = new T[count];
        for (var n = head; n is not null; n = n.Next) items[--count] = n.Item;
        return ((IEnumerable<T>)items).GetEnumerator();
    }

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
}
