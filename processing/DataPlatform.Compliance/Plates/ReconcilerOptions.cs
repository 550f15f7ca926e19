namespace DataPlatform.Compliance.Plates;

/// <param name="MinimumConfidence">Reads below it are not trusted: a primary read below it needs corroboration,
/// a second-camera read below it is ignored.</param>
/// <param name="MissingConfidence">The confidence assumed for a read that carries none. Default 1: many cameras
/// report no score, and sending all their passages to review would drown the queue.</param>
/// <param name="MaxCorrections">At most this many characters may be corrected in one plate.</param>
/// <param name="MinimumCorrectionEvidence">Independent pieces of evidence (e-tag, each second camera, the
/// registry) a correction needs; 2 means no single source can rewrite a plate on its own.</param>
/// <param name="ReviewRegistryLookAlikes">Send a confident read to review when it is not registered but a
/// confusable variant of it is: the camera probably misread a known truck.</param>
public sealed record ReconcilerOptions(
    double MinimumConfidence = 0.9,
    double MissingConfidence = 1.0,
    int MaxCorrections = 2,
    int MinimumCorrectionEvidence = 2,
    bool ReviewRegistryLookAlikes = true)
{
    public static ReconcilerOptions Default { get; } = new();
}
