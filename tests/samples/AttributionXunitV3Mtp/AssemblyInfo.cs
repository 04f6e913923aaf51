[assembly: Xunit.v3.Parallelization(MaxThreads = 8)]
