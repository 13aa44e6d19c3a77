namespace Gongbao.Parsing.Tests.Invariance;

/// <summary>Writes the provision dump of every shared issue when GONGBAO_DUMP names a folder (for diffing parser changes).</summary>
public class ProvisionDumpTests
{
    [Fact]
    public void Dump_shared_issues_when_asked()
    {
        var folder = Environment.GetEnvironmentVariable("GONGBAO_DUMP");
        foreach (var name in ParsedSamples.Names)
        {
            var dump = ProvisionDump.Write(ParsedSamples.Get(name));
            Assert.NotEmpty(dump);
            if (!string.IsNullOrEmpty(folder))
            {
                Directory.CreateDirectory(folder);
                File.WriteAllText(Path.Combine(folder, Path.ChangeExtension(name, ".tsv")), dump);
            }
        }
    }
}
