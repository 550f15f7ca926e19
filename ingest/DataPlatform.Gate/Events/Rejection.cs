namespace DataPlatform.Gate;

/// <summary>Why an input was refused: a stable machine <paramref name="Code"/> (see <see cref="RejectionCodes"/>)
/// and an English <paramref name="Reason"/> for developers that names the field.</summary>
public sealed record Rejection(string Code, string Reason);
