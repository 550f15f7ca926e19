using System.Security.Cryptography;
using System.Text;

namespace DataPlatform.Processing.Passages;

/// <summary>
/// Derives the passage id from the event itself, so a redelivered or re-pushed event maps to the same ledger
/// row whatever process handles it. Enterprise and gate are part of the input because device event ids are
/// only unique per device installation.
/// </summary>
public static class PassageIdentity
{
    public static Guid For(string enterpriseId, string gateId, string eventId)
    {
        Span<byte> hash = stackalloc byte[32];
        SHA256.HashData(Encoding.UTF8.GetBytes($"passage\n{enterpriseId}\n{gateId}\n{eventId}"), hash);
        // Stamp version 8 (custom) and the RFC 4122 variant so tools recognise a well-formed UUID.
        hash[6] = (byte)((hash[6] & 0x0F) | 0x80);
        hash[8] = (byte)((hash[8] & 0x3F) | 0x80);
        return new Guid(hash[..16], bigEndian: true);
    }
}
