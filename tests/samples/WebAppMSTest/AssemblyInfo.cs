// The four order classes run at once, each with its own app.
[assembly: Parallelize(Workers = 4, Scope = ExecutionScope.ClassLevel)]
