using System.Globalization;
using DataPlatform.Compliance.Integrity;

namespace DataPlatform.Analytics.Waybills;

/// <summary>A row of <c>clean_mode_shipments</c>: an imported waybill row with who imported it, and its seal.</summary>
public sealed record ShipmentRow(
    Guid ShipmentId, string EnterpriseId, DateOnly ShipDate, string Mode, string Direction, string Material, decimal Tonnes,
    string Reference, Guid ImportId, string ImportedBy, DateTimeOffset ImportedAt, string SourceFile, string FileSha256, int LineNo)
{
    public const string Kind = "clean_mode_shipment";

    /// <summary>Gate id of the shipments' chains: one chain per enterprise and China date of import.</summary>
    public const string ChainGate = "clean-mode";

    public ChainSeal? Seal { get; init; }

    /// <summary>The row as the hash chain sees it: every stored field but the seal and the insert time.</summary>
    public LedgerRecord Record() => new(ShipmentId.ToString("D"), Kind, EnterpriseId, ChainGate, ImportedAt,
    [
        new("ship_date", ShipDate.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)),
        new("mode", Mode), new("direction", Direction), new("material", Material),
        new("tonnes", LedgerValues.Of(Tonnes)), new("reference", Reference),
        new("import_id", ImportId.ToString("D")), new("imported_by", ImportedBy),
        new("source_file", SourceFile), new("file_sha256", FileSha256), new("line_no", LedgerValues.Of(LineNo)),
    ]);

    /// <summary>Parses a stored chain key <c>enterprise/clean-mode/yyyy-MM-dd</c>; null when the platform would not write it.</summary>
    public static ChainKey? ParseChain(string key)
    {
        var parts = key.Split('/');
        return parts.Length == 3 && parts[1] == ChainGate
            && DateOnly.TryParseExact(parts[2], "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day)
            ? new ChainKey(parts[0], ChainGate, day)
            : null;
    }
}
