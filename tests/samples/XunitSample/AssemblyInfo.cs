// xUnit runs each test class as its own collection, in parallel. Its default number of threads is
// the processor count, which on a 2-core CI machine lets only two of the five classes run at once;
// four threads make ParallelA and ParallelB overlap reliably (the same width as the NUnit and
// MSTest samples).
[assembly: CollectionBehavior(MaxParallelThreads = 4)]
