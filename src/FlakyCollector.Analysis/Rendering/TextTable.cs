using System.Text;

namespace FlakyCollector.Analysis.Rendering;

/// <summary>A plain-text table with aligned columns, for terminals and logs that show no markup.</summary>
internal sealed class TextTable(params string[] headers)
{
    private readonly List<string[]> _rows = [];
    private readonly bool[] _rightAligned = new bool[headers.Length];

    public TextTable AlignRight(params int[] columns)
    {
        foreach (var column in columns)
        {
            _rightAligned[column] = true;
        }

        return this;
    }

    public void Add(params string[] cells) => _rows.Add(cells);

    public void WriteTo(TextWriter writer, string indent = "")
    {
        var widths = headers.Select((h, i) => _rows.Select(r => r[i].Length).Append(h.Length).Max()).ToArray();
        WriteRow(writer, indent, headers, widths);
        foreach (var row in _rows)
        {
            WriteRow(writer, indent, row, widths);
        }
    }

    private void WriteRow(TextWriter writer, string indent, string[] cells, int[] widths)
    {
        var line = new StringBuilder(indent);
        for (var i = 0; i < cells.Length; i++)
        {
            line.Append(_rightAligned[i] ? cells[i].PadLeft(widths[i]) : cells[i].PadRight(widths[i]));
            if (i < cells.Length - 1)
            {
                line.Append("  ");
            }
        }

        writer.WriteLine(line.ToString().TrimEnd());
    }
}
