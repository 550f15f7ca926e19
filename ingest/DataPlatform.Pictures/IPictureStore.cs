namespace DataPlatform.Pictures;

/// <summary>
/// Content-addressed store of gate pictures (and of raw push bodies kept as evidence). Implementations must
/// store each content once, make it durable before returning (the event that refers to it is acknowledged
/// right after), and never delete: HJ 1321 evidence is kept ≥ 24 months and pruning, if ever, is an operator's
/// decision outside the platform. Ingest writes (<see cref="LocalPictureStore"/> or <see cref="S3PictureStore"/>,
/// chosen by <see cref="PictureStores.Create"/>); the regulator bridge reads the same store.
/// </summary>
public interface IPictureStore
{
    /// <summary>Stores <paramref name="bytes"/> unless already present; returns its <c>sha256:</c> reference and
    /// whether this call wrote it.</summary>
    Task<(string Ref, bool Written)> PutAsync(ReadOnlyMemory<byte> bytes, CancellationToken ct);

    Task<bool> ExistsAsync(string reference, CancellationToken ct);

    /// <summary>The stored bytes, or null for an unknown or malformed reference.</summary>
    Task<Stream?> OpenAsync(string reference, CancellationToken ct);
}
