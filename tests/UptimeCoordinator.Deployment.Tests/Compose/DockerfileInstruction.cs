namespace UptimeCoordinator.Deployment.Tests.Compose;

/// <summary>One instruction of a Dockerfile, its continuation lines joined: <c>COPY src/ src/</c>.</summary>
/// <param name="Keyword">The instruction, upper-case: <c>FROM</c>, <c>RUN</c>, <c>COPY</c>…</param>
/// <param name="Arguments">Everything after the keyword.</param>
/// <param name="Stage">The build stage it belongs to, from 0; instructions before the first <c>FROM</c> are -1.</param>
internal sealed record DockerfileInstruction(string Keyword, string Arguments, int Stage)
{
    /// <summary>The arguments split on whitespace.</summary>
    public IReadOnlyList<string> Words => Arguments.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries);

    /// <summary>Every instruction of <paramref name="dockerfile"/>, without comments and blank lines.</summary>
    public static IReadOnlyList<DockerfileInstruction> Parse(string dockerfile)
    {
        var instructions = new List<DockerfileInstruction>();
        var stage = -1;
        var pending = "";
        foreach (var raw in dockerfile.Split('\n'))
        {
            var line = raw.TrimEnd('\r').Trim();

            // Docker drops comment lines, even inside a continued instruction.
            if (line.StartsWith('#') || (line.Length == 0 && pending.Length == 0))
            {
                continue;
            }

            if (line.EndsWith('\\'))
            {
                pending += line[..^1] + " ";
                continue;
            }

            var text = (pending + line).Trim();
            pending = "";
            if (text.Length == 0)
            {
                continue;
            }

            var split = text.IndexOfAny([' ', '\t']);
            var keyword = (split < 0 ? text : text[..split]).ToUpperInvariant();
            if (keyword == "FROM")
            {
                stage++;
            }

            instructions.Add(new DockerfileInstruction(keyword, split < 0 ? "" : text[(split + 1)..].Trim(), stage));
        }

        return instructions;
    }
}
