using DataPlatform.Gate.Registers;
using DataPlatform.Processing.Registers;

namespace DataPlatform.Processing.LedgerRecords;

/// <summary>A register version's <c>ledger.records</c> message (kind <c>register</c>): the record id is the version's
/// row id (the registry change id), so every version is its own, globally unique record and a republished version
/// repeats it; <c>version</c> is the register version. The fields are the register's normalised fields as stored.</summary>
public static class RegisterRecordJson
{
    public const string Kind = "register";

    public static (string Key, byte[] Json) For(RegisterRow row) =>
        ($"{row.EnterpriseId}/{row.Kind.WireName}", LedgerRecordJson.Write(row.RowId, Kind, row.Version, w =>
        {
            w.WriteString("enterpriseId", row.EnterpriseId);
            w.WriteString("gateId", "");
            w.WriteString("register", row.Kind.WireName);
            w.WriteString("registrationCode", row.RegistrationCode);
            w.WriteString("changedAt", LedgerRecordJson.Time(new DateTimeOffset(DateTime.SpecifyKind(row.ChangedAt, DateTimeKind.Utc)).ToUnixTimeMilliseconds()));
            w.WriteString("source", row.Source);
            w.WriteStartObject("fields");
            foreach (var (name, value) in row.Fields) w.WriteString(name, value);
            w.WriteEndObject();
        }));
}
