using FlakyTrace.Bench.Analyze;

return args.FirstOrDefault() switch
{
    "generate" when args.Length >= 3 => InputGenerator.Run(args[1], long.Parse(args[2], System.Globalization.CultureInfo.InvariantCulture)),
    "generate-runs" when args.Length >= 4 => InputGenerator.Run(args[1], long.MaxValue, long.Parse(args[2], System.Globalization.CultureInfo.InvariantCulture), int.Parse(args[3], System.Globalization.CultureInfo.InvariantCulture)),
    "tokenize" when args.Length >= 3 => Measurement.Tokenize(args[1], int.Parse(args[2], System.Globalization.CultureInfo.InvariantCulture)),
    "read" when args.Length >= 3 => Measurement.Read(args[1], int.Parse(args[2], System.Globalization.CultureInfo.InvariantCulture)),
    "analyze" when args.Length >= 3 => Measurement.Analyze(args[1], int.Parse(args[2], System.Globalization.CultureInfo.InvariantCulture)),
    "parse" when args.Length >= 2 => Measurement.Parse(args[1], aggregate: args.Length > 2),
    "compare" when args.Length >= 3 => Measurement.Compare(args[1], int.Parse(args[2], System.Globalization.CultureInfo.InvariantCulture)),
    "stages" when args.Length >= 3 => Measurement.Stages(args[1], int.Parse(args[2], System.Globalization.CultureInfo.InvariantCulture)),
    "measure" when args.Length >= 2 => BenchmarkTable.Run(args[1]),
    _ => Usage(),
};

static int Usage()
{
    Console.Error.WriteLine("usage: generate DIR SPANS | generate-runs DIR RUNS-PER-FILE CHILD-COPIES | tokenize DIR THREADS | read DIR THREADS | analyze DIR THREADS | stages FILE ROUNDS | measure DIR");
    return 2;
}
