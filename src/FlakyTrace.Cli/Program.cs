using FlakyTrace.Cli;

return FlakyTraceCommandLine.Run(args, Console.Out, Console.Error);
