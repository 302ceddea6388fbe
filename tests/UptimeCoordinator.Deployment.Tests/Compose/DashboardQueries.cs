namespace UptimeCoordinator.Deployment.Tests.Compose;

/// <summary>
/// The metric names a PromQL expression reads, so that dashboards can be checked against what the host exports.
/// </summary>
/// <remarks>
/// A scanner, not a parser: it drops what cannot be a metric name (strings, label matchers in <c>{…}</c>, ranges
/// and subqueries in <c>[…]</c>, numbers and durations, Grafana variables such as <c>$instance</c> or
/// <c>${__interval}</c>, comments), every identifier followed by <c>(</c> (a function or an aggregation), the
/// keywords, and the label lists after <c>by</c>, <c>without</c>, <c>on</c>, <c>ignoring</c>, <c>group_left</c>
/// and <c>group_right</c>. What is left are the selectors' metric names.
/// </remarks>
internal static class DashboardQueries
{
    // Aggregations may come before their grouping ("sum by (le) (…)"), so they are not always followed by "(".
    private static readonly HashSet<string> Keywords = new(StringComparer.OrdinalIgnoreCase)
    {
        "sum", "min", "max", "avg", "group", "stddev", "stdvar", "count", "count_values", "bottomk", "topk",
        "quantile", "limitk", "limit_ratio",
        "by", "without", "on", "ignoring", "group_left", "group_right",
        "and", "or", "unless", "atan2", "bool", "offset", "inf", "nan",
    };

    private static readonly HashSet<string> LabelListKeywords = new(StringComparer.OrdinalIgnoreCase)
    {
        "by", "without", "on", "ignoring", "group_left", "group_right",
    };

    /// <summary>The distinct metric names <paramref name="expr"/> selects, in the order they first appear.</summary>
    public static IReadOnlyList<string> MetricNames(string expr)
    {
        var names = new List<string>();
        var i = 0;
        while (i < expr.Length)
        {
            var c = expr[i];
            if (c is '"' or '\'' or '`')
            {
                i = AfterString(expr, i);
            }
            else if (c is '{' or '[')
            {
                i = AfterGroup(expr, i);
            }
            else if (c == '#')
            {
                var end = expr.IndexOf('\n', i);
                i = end < 0 ? expr.Length : end + 1;
            }
            else if (c == '$')
            {
                i = i + 1 < expr.Length && expr[i + 1] == '{' ? AfterGroup(expr, i + 1) : AfterWord(expr, i + 1);
            }
            else if (char.IsAsciiDigit(c) || (c == '.' && i + 1 < expr.Length && char.IsAsciiDigit(expr[i + 1])))
            {
                // A number, a hexadecimal number or a duration (5m, 1h30m).
                i = AfterWord(expr, i);
            }
            else if (char.IsAsciiLetter(c) || c is '_' or ':')
            {
                var end = AfterWord(expr, i);
                var word = expr[i..end];
                var next = SkipSpaces(expr, end);
                var callsOrGroups = next < expr.Length && expr[next] == '(';
                if (callsOrGroups && LabelListKeywords.Contains(word))
                {
                    i = AfterGroup(expr, next);
                    continue;
                }

                if (!callsOrGroups && !Keywords.Contains(word) && !names.Contains(word))
                {
                    names.Add(word);
                }

                i = end;
            }
            else
            {
                i++;
            }
        }

        return names;
    }

    private static int AfterWord(string expr, int i)
    {
        while (i < expr.Length && (char.IsAsciiLetterOrDigit(expr[i]) || expr[i] is '_' or ':' or '.'))
        {
            i++;
        }

        return i;
    }

    private static int SkipSpaces(string expr, int i)
    {
        while (i < expr.Length && char.IsWhiteSpace(expr[i]))
        {
            i++;
        }

        return i;
    }

    private static int AfterString(string expr, int i)
    {
        var quote = expr[i++];
        while (i < expr.Length && expr[i] != quote)
        {
            // Backticks are raw strings; in the others a backslash escapes the next character.
            i += expr[i] == '\\' && quote != '`' ? 2 : 1;
        }

        return Math.Min(i + 1, expr.Length);
    }

    // From an opening bracket to just after its match, stepping over nested brackets and strings.
    private static int AfterGroup(string expr, int i)
    {
        var depth = 0;
        while (i < expr.Length)
        {
            var c = expr[i];
            if (c is '"' or '\'' or '`')
            {
                i = AfterString(expr, i);
                continue;
            }

            if (c is '{' or '[' or '(')
            {
                depth++;
            }
            else if (c is '}' or ']' or ')' && --depth == 0)
            {
                return i + 1;
            }

            i++;
        }

        return i;
    }
}
