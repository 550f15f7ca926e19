using System.Security.Cryptography;
using System.Text;

namespace DataPlatform.Processing.Trips;

/// <summary>A trip's id follows from its entry passage alone, so every run of the job (in any process) writes the
/// same trip under the same id, and the row closes in place when the exit arrives.</summary>
public static class TripIdentity
{
    public static Guid For(Guid entryPassageId)
    {
        Span<byte> hash = stackalloc byte[32];
        SHA256.HashData(Encoding.UTF8.GetBytes($"trip\n{entryPassageId:D}"), hash);
        hash[6] = (byte)((hash[6] & 0x0F) | 0x80);
        hash[8] = (byte)((hash[8] & 0x3F) | 0x80);
        return new Guid(hash[..16], bigEndian: true);
    }
}
