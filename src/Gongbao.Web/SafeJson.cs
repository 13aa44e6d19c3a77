using System.Text.Encodings.Web;
using System.Text.Unicode;

namespace Gongbao.Web;

/// <summary>
/// The JSON encoder of every response: Chinese text stays readable (no \uXXXX for CJK), while the
/// HTML-sensitive characters &lt; &gt; &amp; ' " + ` are always escaped, so text echoed from a request
/// (a query with &lt;script&gt;) can never form markup even if a client mishandles the content type.
/// </summary>
public static class SafeJson
{
    public static JavaScriptEncoder Encoder { get; } = JavaScriptEncoder.Create(UnicodeRanges.All);
}
