using System.Diagnostics;
using System.Globalization;

using Gongbao.Search;

using Microsoft.Data.Sqlite;

namespace Gongbao.Corpus.Benchmarking;

/// <summary>
/// The baseline issue 11 compares with: a plain SQLite FTS5 table with the trigram tokenizer over the fields the
/// Lucene query searches — document rows: Chinese titles (the document's and its instruments'), English title and
/// whole text; provision rows: text, heading, label and their document's titles. Every term is required in any of
/// them; the issue-year and kind filters are columns; the result is the match count and the requested page by bm25
/// (LIMIT/OFFSET) — the least a search page needs. It does less than Gongbao: no witness folding, no facets, no
/// snippets, and a term is one substring (Gongbao splits 信用评价 into words and matches abbreviations' full forms).
/// </summary>
internal sealed class Fts5Baseline : IDisposable
{
    /// <summary>Layout of the table; part of a kept table's file name (see <see cref="KeptBuild"/>).</summary>
    public const string Layout = "v2";

    // Searched columns, in table order (after the unindexed level, issue_year and kinds).
    private static readonly string[] Searched = ["title", "title_en", "heading", "label", "text"];

    private readonly SqliteConnection _db;

    private Fts5Baseline(string path)
    {
        _db = new SqliteConnection($"Data Source={path}");
        _db.Open();
    }

    /// <summary>A table built by an earlier run (kept with the synthetic build).</summary>
    public static Fts5Baseline OpenExisting(string path) => new(path);

    /// <summary>Builds the table at <paramref name="path"/> (under a temporary name, renamed once complete, so a kept table is never a partial one).</summary>
    public static Fts5Baseline Build(string path, IEnumerable<IndexedWitness> witnesses)
    {
        File.Delete(path + ".part");
        using (var building = new Fts5Baseline(path + ".part"))
        {
            building.Fill(witnesses);
        }

        SqliteConnection.ClearAllPools();
        File.Move(path + ".part", path, overwrite: true);
        return new Fts5Baseline(path);
    }

    private void Fill(IEnumerable<IndexedWitness> witnesses)
    {
        Execute("PRAGMA journal_mode=OFF; PRAGMA synchronous=OFF;");
        Execute("CREATE VIRTUAL TABLE t USING fts5(level UNINDEXED, issue_year UNINDEXED, kinds UNINDEXED, " +
            string.Join(", ", Searched) + ", tokenize='trigram')");
        using (var tx = _db.BeginTransaction())
        {
            using var insert = _db.CreateCommand();
            insert.CommandText = "INSERT INTO t(level, issue_year, kinds, " + string.Join(", ", Searched) + ") VALUES ($level, $issue_year, $kinds, "
                + string.Join(", ", Searched.Select(c => "$" + c)) + ")";
            var level = insert.Parameters.Add("$level", SqliteType.Text);
            var issueYear = insert.Parameters.Add("$issue_year", SqliteType.Integer);
            var kinds = insert.Parameters.Add("$kinds", SqliteType.Text);
            var columns = Searched.ToDictionary(c => c, c => insert.Parameters.Add("$" + c, SqliteType.Text));
            foreach (var w in witnesses)
            {
                var doc = w.Document;
                var titles = string.Join('\n', doc.Instruments.Select(i => i.TitleZh).Prepend(doc.TitleZh));
                // As the kind filter matches: the document's own kind and those of the instruments it issues.
                kinds.Value = " " + string.Join(' ', doc.Instruments.Select(i => i.Kind).Prepend(doc.Kind).Distinct()) + " ";
                issueYear.Value = w.IssueYear is { } y ? y : DBNull.Value;
                level.Value = "doc";
                columns["title"].Value = titles;
                columns["title_en"].Value = doc.TitleEn ?? "";
                columns["heading"].Value = "";
                columns["label"].Value = "";
                columns["text"].Value = SearchDocumentBuilder.DocumentText(doc);
                insert.ExecuteNonQuery();
                var seen = new HashSet<string>(StringComparer.Ordinal);
                foreach (var root in doc.Instruments.Select(i => i.Body).Prepend(doc.Body))
                {
                    foreach (var (provision, provisionText) in SearchDocumentBuilder.SearchableProvisions(root))
                    {
                        if (!seen.Add(provision.Id))
                        {
                            continue;
                        }

                        level.Value = "prov";
                        columns["title_en"].Value = "";
                        columns["heading"].Value = provision.Heading ?? "";
                        columns["label"].Value = provision.Label ?? "";
                        columns["text"].Value = provisionText;
                        insert.ExecuteNonQuery();
                    }
                }
            }

            tx.Commit();
        }
    }

    /// <summary>
    /// Milliseconds for the count and the requested page of one query: terms of three or more characters as trigram
    /// matches (any searched column), shorter ones (which a trigram index cannot look up) by LIKE over the same columns.
    /// </summary>
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
            where.Add("(" + string.Join(" OR ", Searched.Select(c => $"{c} LIKE $like{i}")) + ")");
            count.Parameters.AddWithValue($"$like{i}", "%" + t + "%");
            top.Parameters.AddWithValue($"$like{i}", "%" + t + "%");
            i++;
        }

        if (request.IssueYear is { } year)
        {
            where.Add("issue_year = $issue_year");
        }

        if (request.Kind is { Length: > 0 })
        {
            where.Add("instr(kinds, $kind) > 0");
        }

        foreach (var c in new[] { count, top })
        {
            c.Parameters.AddWithValue("$level", request.Level == SearchLevel.Document ? "doc" : "prov");
            if (match.Length > 0)
            {
                c.Parameters.AddWithValue("$match", match);
            }

            if (request.IssueYear is { } y)
            {
                c.Parameters.AddWithValue("$issue_year", y);
            }

            if (request.Kind is { Length: > 0 } kind)
            {
                c.Parameters.AddWithValue("$kind", " " + kind + " ");
            }
        }

        var clause = string.Join(" AND ", where);
        var page = $"LIMIT {request.PageSize.ToString(CultureInfo.InvariantCulture)} OFFSET {((Math.Max(1, request.Page) - 1) * request.PageSize).ToString(CultureInfo.InvariantCulture)}";
        count.CommandText = $"SELECT count(*) FROM t WHERE {clause}";
        top.CommandText = match.Length > 0
            ? $"SELECT rowid FROM t WHERE {clause} ORDER BY bm25(t) {page}"
            : $"SELECT rowid FROM t WHERE {clause} {page}";
        var total = Convert.ToInt32(count.ExecuteScalar(), CultureInfo.InvariantCulture);
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
