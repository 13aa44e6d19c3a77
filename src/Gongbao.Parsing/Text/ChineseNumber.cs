namespace Gongbao.Parsing.Text;

/// <summary>Parses Chinese numerals as used in 第N条 / 一、 / （十二）: 一…九十九, 百, 零/〇, 两.</summary>
public static class ChineseNumber
{
    public const string Digits = "零〇一二三四五六七八九十百两";

    public static int? Parse(string s)
    {
        if (s.Length == 0)
        {
            return null;
        }

        var total = 0;
        var current = 0;
        foreach (var c in s)
        {
            var d = Digit(c);
            if (d >= 0)
            {
                current = d;
                continue;
            }

            switch (c)
            {
                case '十':
                    total += (current == 0 ? 1 : current) * 10;
                    current = 0;
                    break;
                case '百':
                    total += (current == 0 ? 1 : current) * 100;
                    current = 0;
                    break;
                default:
                    return null;
            }
        }

        return total + current;
    }

    private static int Digit(char c) => c switch
    {
        '零' or '〇' => 0,
        '一' => 1,
        '二' or '两' => 2,
        '三' => 3,
        '四' => 4,
        '五' => 5,
        '六' => 6,
        '七' => 7,
        '八' => 8,
        '九' => 9,
        _ => -1,
    };
}
