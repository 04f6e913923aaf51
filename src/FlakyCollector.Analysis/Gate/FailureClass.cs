namespace FlakyCollector.Analysis.Gate;

/// <summary>What a failure of this run is, against the branch's history.</summary>
public enum FailureClass
{
    /// <summary>Never failed before, or fails with a message group never seen before: the change may have broken it.</summary>
    New,

    /// <summary>Failed in every recent run already: broken before this change.</summary>
    Broken,

    /// <summary>Passed and failed before on one commit with this message group, or quarantined.</summary>
    Known,
}
