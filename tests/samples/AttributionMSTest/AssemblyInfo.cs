// Every test case (each data row too) may run in parallel with any other, on four workers.
[assembly: Parallelize(Workers = 4, Scope = ExecutionScope.MethodLevel)]
