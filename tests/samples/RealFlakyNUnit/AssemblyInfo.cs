// Fixtures run in parallel, four at a time; the tests of one fixture run one after another.
[assembly: Parallelizable(ParallelScope.Fixtures)]
[assembly: LevelOfParallelism(4)]
