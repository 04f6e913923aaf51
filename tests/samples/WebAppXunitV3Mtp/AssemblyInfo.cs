// Each test class is its own collection; four threads let the four order classes run at once.
[assembly: Xunit.v3.Parallelization(MaxThreads = 4)]
