// Classes run in parallel, four at a time; the tests of one class run one after another.
[assembly: Parallelize(Workers = 4, Scope = ExecutionScope.ClassLevel)]
