// Four threads make ParallelA and ParallelB overlap reliably on a 2-core machine (the same width as
// the other samples).
[assembly: CollectionBehavior(MaxParallelThreads = 4)]
