// Every test class is its own collection, and collections run in parallel on four threads; the
// tests are async, so far more than four of them have HTTP calls in flight at once.
[assembly: CollectionBehavior(MaxParallelThreads = 4)]
