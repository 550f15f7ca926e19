using System.Security.Cryptography;
using System.Text;

namespace DataPlatform.Ledger;

/// <summary>
/// Ledger row ids derived from what the row is about, so a redelivered or re-read input maps to the same row in
/// any process. A name-based UUID: SHA-256 of the text, stamped version 8 (custom) with the RFC 4122 variant so
/// tools recognise it as well formed.
/// </summary>
public static class DeterministicGuid
{
    public static Guid For(string text)
    {
        Span<byte> hash = stackalloc byte[32];
        SHA256.HashData(Encoding.UTF8.GetBytes(text), hash);
        hash[6] = (byte)((hash[6] & 0x0F) | 0x80);
        hash[8] = (byte)((hash[8] & 0x3F) | 0x80);
        return new Guid(hash[..16], bigEndian: true);
    }
}
