using Gongbao.Corpus;
using Gongbao.Domain;
using Gongbao.Parsing;

namespace Gongbao.Scale.Tests;

public sealed class CorpusGeneratorTests
{
    private static readonly Lazy<CorpusGenerator> Generator = new(() => CorpusGenerator.FromSamples(seed: 42));

    [Fact]
    public void Scale_one_has_one_issue_per_sample_issue_and_every_sample_document_in_the_pool()
    {
        // Three gazette issues among the samples (the standalone text is not an issue).
        Assert.Equal(3, Generator.Value.SourceIssueCount);
        Assert.Equal(3, Generator.Value.GenerateScale(1).Count());
        Assert.True(Generator.Value.PoolSize >= 20, $"pool of {Generator.Value.PoolSize} documents");
    }

    [Fact]
    public void Generated_issues_parse_without_errors_into_the_expected_documents()
    {
        var parser = new GazetteParser();
        var checkedIssues = 0;
        foreach (var generated in Generator.Value.Generate(12))
        {
            var issue = parser.Parse(generated.Text, generated.FileName, "0");

            Assert.Equal(SourceKind.Issue, issue.Kind);
            Assert.Equal($"beijing-{generated.Year}-{generated.Number}", issue.Id);
            Assert.Equal(generated.PublicationDate, issue.PublicationDate);
            Assert.DoesNotContain(issue.Diagnostics, d => d.Severity == DiagnosticSeverity.Error);
            Assert.Equal(generated.DocumentIds, issue.Documents.Select(d => d.Id));
            Assert.Equal(generated.DocumentIds.Count, issue.Contents.Count);
            checkedIssues++;
        }

        Assert.Equal(12, checkedIssues);
    }

    [Fact]
    public void New_document_numbers_replace_the_old_ones_in_contents_and_body()
    {
        var generated = Generator.Value.Generate(1).Single();
        var issue = new GazetteParser().Parse(generated.Text, generated.FileName, "0");

        var numbered = issue.Documents.Where(d => d.Number is not null).ToList();
        Assert.NotEmpty(numbered);
        Assert.All(numbered, d => Assert.Equal(generated.Year, d.Number!.Year));
        Assert.All(issue.Contents.Where(e => e.Number is not null), e => Assert.Equal(generated.Year, e.Number!.Year));
        Assert.All(issue.Contents.Where(e => e.NumberEn is not null), e => Assert.Contains(generated.Year.ToString(System.Globalization.CultureInfo.InvariantCulture), e.NumberEn!, StringComparison.Ordinal));
    }

    [Fact]
    public void Same_seed_gives_the_same_texts_and_another_seed_differs()
    {
        var again = CorpusGenerator.FromSamples(seed: 42);
        var other = CorpusGenerator.FromSamples(seed: 7);

        Assert.Equal(Generator.Value.Generate(4).Select(i => i.Text), again.Generate(4).Select(i => i.Text));
        Assert.NotEqual(Generator.Value.Generate(4).Select(i => i.Text), other.Generate(4).Select(i => i.Text));
    }

    [Fact]
    public void Document_ids_stay_unique_across_a_ten_times_corpus()
    {
        var ids = Generator.Value.GenerateScale(10).SelectMany(i => i.DocumentIds).ToList();

        Assert.Equal(ids.Count, ids.Distinct(StringComparer.Ordinal).Count());
        Assert.True(ids.Count >= 10 * Generator.Value.PoolSize / 2);
    }
}
