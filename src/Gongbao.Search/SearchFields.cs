namespace Gongbao.Search;

/// <summary>Field names of the search index.</summary>
public static class SearchFields
{
    /// <summary><c>doc</c> for a document, <c>prov</c> for a provision.</summary>
    public const string Type = "type";

    /// <summary>Document or provision ID; several witnesses of one document share it.</summary>
    public const string Id = "id";

    /// <summary>64-bit hash of <see cref="Id"/> as numeric doc values: folds witnesses while collecting, one lookup per hit.</summary>
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
    public const string Text = "text";

    /// <summary>Canonical document number (京规自发〔2024〕122号), exact.</summary>
    public const string Number = "number";

    /// <summary>For provisions: printed label and heading (第八条 / 目的依据).</summary>
    public const string Label = "label";
    public const string Heading = "heading";

    /// <summary>Source kind of the witness: 0 for a gazette issue, 1 for a standalone text (gazette preferred).</summary>
    public const string WitnessRank = "witness_rank";

    public const string DocumentType = "doc";
    public const string ProvisionType = "prov";
}
