// Each class is its own collection; four run at once, as on a team's CI agent with more cores.
[assembly: CollectionBehavior(MaxParallelThreads = 4)]
