namespace Gongbao.Parsing.Normalization;

/// <summary>
/// One normalisation step over a single source line (Lucene token-filter style): returns the cleaned
/// text, or null to drop the line as an artefact. Steps never change characters, only remove noise.
/// </summary>
public interface ILineStep
{
    string? Apply(string line);
}
