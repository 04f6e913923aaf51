// Every test case its own worker: the 200 cases of LoggingTests run at the same time.
[assembly: LevelOfParallelism(LogsParallelNUnit.LoggingTests.Cases)]
