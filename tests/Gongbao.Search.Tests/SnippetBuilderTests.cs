namespace Gongbao.Search.Tests;

public sealed class SnippetBuilderTests
{
    [Fact]
    public void MarksMatchesAndEscapesText()
    {
        var html = SnippetBuilder.Build("条件<a>：信用评价等级为优(A)级", ["信用评价"]);
        Assert.Equal("条件&lt;a&gt;：<mark>信用评价</mark>等级为优(A)级", html);
    }

    [Fact]
    public void FoldsFullWidthLettersAndCase()
    {
        var html = SnippetBuilder.Build("支持ＤＲＧ付费", ["drg"]);
        Assert.Equal("支持<mark>ＤＲＧ</mark>付费", html);
    }

    [Fact]
    public void FallsBackToBigramsWhenTheTermIsNotVerbatim()
    {
        var html = SnippetBuilder.Build("信用等级评价", ["信用评价"]);
        Assert.Equal("<mark>信用</mark>等级<mark>评价</mark>", html);
    }

    [Fact]
    public void WindowsAroundTheDensestMatches()
    {
        var text = new string('甲', 300) + "公共建筑" + new string('乙', 300);
        var html = SnippetBuilder.Build(text, ["公共建筑"], maxLength: 60);
        Assert.StartsWith("…", html);
        Assert.EndsWith("…", html);
        Assert.Contains("<mark>公共建筑</mark>", html);
        Assert.Equal(60 + 2 + "<mark></mark>".Length, html.Length);
    }

    [Fact]
    public void QueryParsingKeepsQuotedPhrasesAndFindsNumbers()
    {
        var q = SearchQuery.Parse("“公共 建筑” 能效  京建法（2024）12号");
        Assert.Equal(["公共 建筑", "能效", "京建法（2024）12号"], q.Terms);
        Assert.Equal("京建法〔2024〕12号", q.Number?.Canonical);
    }
}
