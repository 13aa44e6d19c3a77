namespace Gongbao.Search;

/// <summary>Field names of the search index.</summary>
public static class SearchFields
{
    /// <summary><c>doc</c> for a document, <c>prov</c> for a provision.</summary>
    public const string Type = "type";

    /// <summary>Document or provision ID; several witnesses of one document share it.</summary>
    public const string Id = "id";

    /// <summary>
    /// 64-bit hash of the fold key as numeric doc values (the ID for documents, <see cref="SearchDocumentBuilder.FoldKey"/>
    /// for provisions): witnesses of the same entry share it and fold into one hit.
    /// </summary>
    public const string IdHash = "id_hash";

    /// <summary>For provisions: the document they belong to.</summary>
    public const string DocumentId = "doc_id";

    public const string Issue = "issue";
    public const string Year = "year";
    public const string Issuer = "issuer";
    public const string Kind = "kind";
    public const string Section = "section";
    public const string TitleZh = "title_zh";
    public const string TitleEn = "title_en";
    /// <summary>
    /// Body text as overlapping Han bigrams with positions (phrase = substring). Provision entries hold their
    /// text; document entries only what no provision holds (addressees, signature, preamble): a document hit
    /// is a hit in its entry or in one of its provisions (<see cref="BlockJoinQuery"/>), so articles are indexed once.
    /// </summary>
    public const string Text = "text";

    /// <summary>
    /// Han characters that end a run of <see cref="Text"/> (before punctuation, a space or the end), without
    /// positions or frequencies. A one-character word is every bigram starting with it (a prefix of the
    /// bigram terms; an isolated character is a unigram term) or one of these: no bigram starts with them.
    /// </summary>
    public const string RunEnds = "run_end";

    /// <summary>Canonical document number (京规自发〔2024〕122号), exact.</summary>
    public const string Number = "number";

    /// <summary>For provisions: printed label and heading (第八条 / 目的依据).</summary>
    public const string Label = "label";
    public const string Heading = "heading";

    /// <summary>Source kind of the witness: 0 for a gazette issue, 1 for a standalone text (gazette preferred).</summary>
    public const string WitnessRank = "witness_rank";

    /// <summary>Year of the gazette issue that printed the witness (a separate facet from the document's own <see cref="Year"/>).</summary>
    public const string IssueYear = "issue_year";

    /// <summary>Dates as yyyyMMdd integers (indexed for ranges, doc values for sorting).</summary>
    public const string SignedOn = "signed_on";
    public const string PublishedOn = "published_on";
    public const string EffectiveFrom = "effective_from";

    /// <summary>For provisions: labels from the top of the document down to the provision (二、 › (三) › 11.).</summary>
    public const string Path = "path";

    /// <summary>1 for an annex placeholder or an omitted text ("附件：…(略)"): ranked after every real provision.</summary>
    public const string Placeholder = "placeholder";

    /// <summary>Domain words (headings, issuer names, defined terms) and abbreviation pairs, on document entries.</summary>
    public const string Lexicon = "lex";
    public const string Abbreviation = "abbr";

    public const string DocumentType = "doc";
    public const string ProvisionType = "prov";
}
