namespace Gongbao.Search;

/// <summary>
/// One canonical name per issuer for the facet and the filter: the search form of the printed name
/// (<see cref="SearchVariants"/>) and <see cref="Aliases"/> at index time; when the index is read, 北京X is
/// merged into 北京市X if both occur (<see cref="ShortFormAliases"/>). Hits still show issuers as printed.
/// </summary>
public static class IssuerNames
{
    /// <summary>
    /// Printed names that stand for another agency. 北京市广播电视台 is a slip for the agency
    /// 北京市广播电视局 (the broadcaster is 北京广播电视台, without 市, and issues no documents).
    /// </summary>
    public static readonly IReadOnlyDictionary<string, string> Aliases = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["北京市广播电视台"] = "北京市广播电视局",
    };

    /// <summary>The index form of a printed name: the search form, then <see cref="Aliases"/>.</summary>
    public static string Canonical(string printed)
    {
        var name = SearchVariants.Normalize(printed.Trim());
        return Aliases.TryGetValue(name, out var canonical) ? canonical : name;
    }

    /// <summary>
    /// Among the names present in an index, those printed without 市 (北京广播电视局) whose 北京市 form is
    /// also present: the short form is the same agency. Names only ever printed as 北京X (北京经济技术开发区…)
    /// are left alone.
    /// </summary>
    public static Dictionary<string, string> ShortFormAliases(IReadOnlyCollection<string> names)
    {
        var set = names.ToHashSet(StringComparer.Ordinal);
        var aliases = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var name in names)
        {
            if (name.StartsWith("北京", StringComparison.Ordinal) && !name.StartsWith("北京市", StringComparison.Ordinal)
                && set.Contains("北京市" + name[2..]))
            {
                aliases[name] = "北京市" + name[2..];
            }
        }

        return aliases;
    }
}
