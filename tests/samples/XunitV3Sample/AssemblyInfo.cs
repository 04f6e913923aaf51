// Four threads make ParallelA and ParallelB overlap reliably on a 2-core machine (the same width as
// the other samples).
[assembly: Xunit.v3.Parallelization(MaxThreads = 4)]
