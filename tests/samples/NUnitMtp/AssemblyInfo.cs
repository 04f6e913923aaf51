// Fixtures (test classes) run in parallel on up to four workers; ParallelA and ParallelB also
// let their own tests run in parallel.
[assembly: Parallelizable(ParallelScope.Fixtures)]
[assembly: LevelOfParallelism(4)]
