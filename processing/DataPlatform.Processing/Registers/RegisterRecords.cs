using DataPlatform.Gate.Registers;
using DataPlatform.Processing.LedgerRecords;
using DataPlatform.Streams;

namespace DataPlatform.Processing.Registers;

/// <summary>A register version's <c>ledger.records</c> record (<see cref="LedgerRegisterRecord"/>): the record id is
/// the version's row id (the registry change id), so every version is its own, globally unique record and a
/// republished version repeats it; <c>version</c> is the register version. The fields are the register's normalised
/// fields as stored.</summary>
public static class RegisterRecords
{
    public static LedgerRegisterRecord For(RegisterRow row) => new()
    {
        RecordId = row.RowId,
        Version = row.Version,
        EnterpriseId = row.EnterpriseId,
        Register = row.Kind.WireName,
        RegistrationCode = row.RegistrationCode,
        ChangedAt = LedgerRecordJson.Time(row.ChangedAt),
        Source = row.Source,
        Fields = row.Fields,
    };
}
