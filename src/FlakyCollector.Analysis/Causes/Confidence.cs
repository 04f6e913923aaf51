namespace FlakyCollector.Analysis.Causes;

/// <summary>How far a cause's figures carry it (<see cref="CauseConfidence"/> says how it is set).</summary>
public enum Confidence
{
    /// <summary>Nothing was found (<c>none</c>), or the evidence is the test's own duration alone.</summary>
    Low,

    /// <summary>Significant, but the evidence covers only part of the failing runs, or another cause competes.</summary>
    Medium,

    /// <summary>Significant far beyond the threshold, the evidence seen in most failing runs, and no other kind close.</summary>
    High,
}
