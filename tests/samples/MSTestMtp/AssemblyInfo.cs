// Test classes run in parallel on up to four workers (the tests within one class run in order).
[assembly: Parallelize(Workers = 4, Scope = ExecutionScope.ClassLevel)]
