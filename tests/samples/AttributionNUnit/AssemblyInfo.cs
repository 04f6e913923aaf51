// Fixtures run in parallel on four workers, and every class lets its own test cases run in
// parallel too ([Parallelizable(ParallelScope.All)] on each class, see Batches.cs).
[assembly: Parallelizable(ParallelScope.Fixtures)]
[assembly: LevelOfParallelism(4)]
