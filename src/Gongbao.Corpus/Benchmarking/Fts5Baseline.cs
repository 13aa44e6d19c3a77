using System.Diagnostics;

using Gongbao.Search;

using Microsoft.Data.Sqlite;

namespace Gongbao.Corpus.Benchmarking;

/// <summary>
/// The baseline issue 11 compares with: a plain SQLite FTS5 table with the trigram tokenizer over the same
/// text the index holds (document texts and provision texts), queried with every term required, returning
/// the match count and the best ten by bm25 — the least a search page needs.
/// </summary>
internal sealed class Fts5Baseline : IDisposable
{
    private readonly SqliteConnection _db;

    public Fts5Baseline(string path, IEnumerable<IndexedWitness> witnesses)
    {
        _db = new SqliteConnection($"Data Source={path}");
        _db.Open();
        Execute("PRAGMA journal_mode=OFF; PRAGMA synchronous=OFF;");
        Execute("CREATE VIRTUAL TABLE t USING fts5(level UNINDEXED, text, tokenize='trigram')");
        using var tx = _db.BeginTransaction();
        using var insert = _db.CreateCommand();
        insert.CommandText = "INSERT INTO t(level, text) VALUES ($level, $text)";
        var level = insert.Parameters.Add("$level", SqliteType.Text);
        var text = insert.Parameters.Add("$text", SqliteType.Text);
        foreach (var w in witnesses)
        {
            level.Value = "doc";
            text.Value = w.Document.TitleZh + "\n" + SearchDocumentBuilder.DocumentText(w.Document);
            insert.ExecuteNonQuery();
            foreach (var root in w.Document.Instruments.Select(i => i.Body).Prepend(w.Document.Body))
            {
                foreach (var (_, provisionText) in SearchDocumentBuilder.SearchableProvisions(root))
                {
                    level.Value = "prov";
                    text.Value = provisionText;
                    insert.ExecuteNonQuery();
                }
            }
        }

        tx.Commit();
    }

    /// <summary>Milliseconds for the count and the top ten of one query (terms of three or more characters as trigram matches, shorter ones by LIKE).</summary>
    public (double Ms, int Total) Time(SearchRequest request)
    {
        var terms = SearchQuery.Parse(request.Query).Terms;
        var clock = Stopwatch.StartNew();
        var where = new List<string> { "level = $level" };
        using var count = _db.CreateCommand();
        using var top = _db.CreateCommand();
        var match = string.Join(" AND ", terms.Where(t => t.Length >= 3).Select(t => "\"" + t.Replace("\"", "\"\"", StringComparison.Ordinal) + "\""));
        if (match.Length > 0)
        {
            where.Add("t MATCH $match");
        }

        var i = 0;
        foreach (var t in terms.Where(t => t.Length < 3))
        {
            where.Add($"text LIKE $like{i}");
            count.Parameters.AddWithValue($"$like{i}", "%" + t + "%");
            top.Parameters.AddWithValue($"$like{i}", "%" + t + "%");
            i++;
        }

        foreach (var c in new[] { count, top })
        {
            c.Parameters.AddWithValue("$level", request.Level == SearchLevel.Document ? "doc" : "prov");
            if (match.Length > 0)
            {
                c.Parameters.AddWithValue("$match", match);
            }
        }

        var clause = string.Join(" AND ", where);
        count.CommandText = $"SELECT count(*) FROM t WHERE {clause}";
        top.CommandText = match.Length > 0
            ? $"SELECT rowid FROM t WHERE {clause} ORDER BY bm25(t) LIMIT 10"
            : $"SELECT rowid FROM t WHERE {clause} LIMIT 10";
        var total = Convert.ToInt32(count.ExecuteScalar(), System.Globalization.CultureInfo.InvariantCulture);
        using (var reader = top.ExecuteReader())
        {
            while (reader.Read())
            {
            }
        }

        return (clock.Elapsed.TotalMilliseconds, total);
    }

    private void Execute(string sql)
    {
        using var c = _db.CreateCommand();
        c.CommandText = sql;
        c.ExecuteNonQuery();
    }

    public void Dispose() => _db.Dispose();
}
