using System.Security.Cryptography;
using System.Text;

namespace DataPlatform.Processing.Weighings;

/// <summary>Derives the ledger id of a weighing from its message id, so a redelivered or re-read weighing maps to
/// the same row. The enterprise is part of the input because adapters' ids are only unique per installation.</summary>
public static class WeighingIdentity
{
    public static Guid For(string enterpriseId, string messageId)
    {
        Span<byte> hash = stackalloc byte[32];
        SHA256.HashData(Encoding.UTF8.GetBytes($"weighing\n{enterpriseId}\n{messageId}"), hash);
        // Version 8 (custom) and the RFC 4122 variant, like passage ids.
        hash[6] = (byte)((hash[6] & 0x0F) | 0x80);
        hash[8] = (byte)((hash[8] & 0x3F) | 0x80);
        return new Guid(hash[..16], bigEndian: true);
    }
}
