using System.Text;

using Lucene.Net.Index;
using Lucene.Net.Util;

namespace Gongbao.Search;

/// <summary>
/// The facet values of every entry, read once per opened reader (not per hit): an entry belongs to a group, its
/// combination of facet values (every entry of a document shares one; a few thousand groups in all), so the
/// collector counts a hit with one array increment and the values are summed per group at the end, with no
/// doc-values lookup or string work per hit.
/// </summary>
internal sealed class FacetTable
{
    private readonly string[] _fields;
    private readonly List<string>[] _names;
    private readonly List<int[][]> _groupValues;
    private readonly int[]?[] _docGroups;

    private FacetTable(string[] fields, List<string>[] names, List<int[][]> groupValues, int[]?[] docGroups)
    {
        _fields = fields;
        _names = names;
        _groupValues = groupValues;
        _docGroups = docGroups;
    }

    /// <summary>Number of groups: the size of the counts array a collector keeps.</summary>
    public int GroupCount => _groupValues.Count;

    /// <summary>Per segment, the group of each entry (by segment doc ID).</summary>
    public int[]? DocGroups(int leaf) => leaf < _docGroups.Length ? _docGroups[leaf] : null;

    /// <summary>Facet values with their counts, most frequent first (ties by value), from hit counts per group.</summary>
    public IReadOnlyDictionary<string, IReadOnlyList<FacetValue>> Count(int[] groupCounts)
    {
        var counts = _names.Select(n => new int[n.Count]).ToArray();
        for (var g = 0; g < groupCounts.Length; g++)
        {
            var c = groupCounts[g];
            if (c == 0)
            {
                continue;
            }

            var values = _groupValues[g];
            for (var f = 0; f < values.Length; f++)
            {
                foreach (var v in values[f])
                {
                    counts[f][v] += c;
                }
            }
        }

        var result = new Dictionary<string, IReadOnlyList<FacetValue>>(StringComparer.Ordinal);
        for (var f = 0; f < _fields.Length; f++)
        {
            var names = _names[f];
            result[_fields[f]] = counts[f].Select((c, v) => (Count: c, Value: v)).Where(p => p.Count > 0)
                .Select(p => new FacetValue(names[p.Value], p.Count))
                .OrderByDescending(p => p.Count).ThenBy(p => p.Value, StringComparer.Ordinal)
                .ToList();
        }

        return result;
    }

    /// <summary>Reads every entry's values of <paramref name="fields"/> (sorted doc values; the issuer field sorted-set).</summary>
    public static FacetTable Build(IndexReader reader, string[] fields)
    {
        var ids = fields.Select(_ => new Dictionary<string, int>(StringComparer.Ordinal)).ToArray();
        var names = fields.Select(_ => new List<string>()).ToArray();
        var groups = new Dictionary<string, int>(StringComparer.Ordinal);
        var groupValues = new List<int[][]>();
        var docGroups = new int[]?[reader.Leaves.Count];
        var scratch = new BytesRef();
        foreach (var leaf in reader.Leaves)
        {
            var r = leaf.AtomicReader;
            var single = new SortedDocValues?[fields.Length];
            var multi = new SortedSetDocValues?[fields.Length];
            var global = new int[fields.Length][];
            for (var f = 0; f < fields.Length; f++)
            {
                int valueCount;
                if (fields[f] == SearchFields.Issuer)
                {
                    multi[f] = r.GetSortedSetDocValues(fields[f]);
                    valueCount = (int)(multi[f]?.ValueCount ?? 0);
                }
                else
                {
                    single[f] = r.GetSortedDocValues(fields[f]);
                    valueCount = single[f]?.ValueCount ?? 0;
                }

                // Segment ordinal → value ID shared by all segments.
                global[f] = new int[valueCount];
                for (var ord = 0; ord < valueCount; ord++)
                {
                    if (multi[f] is { } m)
                    {
                        m.LookupOrd(ord, scratch);
                    }
                    else
                    {
                        single[f]!.LookupOrd(ord, scratch);
                    }

                    var name = scratch.Utf8ToString();
                    if (!ids[f].TryGetValue(name, out var id))
                    {
                        ids[f][name] = id = names[f].Count;
                        names[f].Add(name);
                    }

                    global[f][ord] = id;
                }
            }

            var of = new int[r.MaxDoc];
            var current = new List<int>[fields.Length];
            var previous = new List<int>[fields.Length];
            for (var f = 0; f < fields.Length; f++)
            {
                current[f] = [];
                previous[f] = [];
            }

            var previousGroup = -1;
            for (var d = 0; d < r.MaxDoc; d++)
            {
                for (var f = 0; f < fields.Length; f++)
                {
                    current[f].Clear();
                    if (single[f] is { } s)
                    {
                        var ord = s.GetOrd(d);
                        if (ord >= 0)
                        {
                            current[f].Add(global[f][ord]);
                        }
                    }
                    else if (multi[f] is { } m)
                    {
                        m.SetDocument(d);
                        for (var ord = m.NextOrd(); ord != SortedSetDocValues.NO_MORE_ORDS; ord = m.NextOrd())
                        {
                            current[f].Add(global[f][ord]);
                        }

                        current[f].Sort();
                    }
                }

                // Entries of one document are adjacent and share their values: most entries repeat the previous group.
                if (previousGroup < 0 || !Same(current, previous))
                {
                    var key = Key(current);
                    if (!groups.TryGetValue(key, out previousGroup))
                    {
                        groups[key] = previousGroup = groupValues.Count;
                        groupValues.Add(current.Select(c => c.ToArray()).ToArray());
                    }

                    (current, previous) = (previous, current);
                }

                of[d] = previousGroup;
            }

            docGroups[leaf.Ord] = of;
        }

        return new FacetTable(fields, names, groupValues, docGroups);
    }

    private static bool Same(List<int>[] a, List<int>[] b)
    {
        for (var f = 0; f < a.Length; f++)
        {
            if (a[f].Count != b[f].Count)
            {
                return false;
            }

            for (var i = 0; i < a[f].Count; i++)
            {
                if (a[f][i] != b[f][i])
                {
                    return false;
                }
            }
        }

        return true;
    }

    private static string Key(List<int>[] values)
    {
        var key = new StringBuilder();
        foreach (var field in values)
        {
            key.AppendJoin(',', field).Append('|');
        }

        return key.ToString();
    }
}
