namespace FlakyCollector.Analysis.Reading;

/// <summary>
/// Where a flat attribute's key and value are in the line (offsets into the scanner's bytes, string
/// contents without their quotes), and its closing brace. See <see cref="OtlpJsonScanner.TryMatchFlatAttribute"/>.
/// </summary>
internal readonly record struct FlatAttribute(int KeyStart, int KeyLength, int ValueStart, int ValueLength, bool IsInt, int ClosingBrace);
