using DataPlatform.RegulatorBridge.Profiles;

namespace DataPlatform.RegulatorBridge.Records;

/// <summary>A record that goes to the regulator: it has a globally unique id and says which fields it holds,
/// so completeness can be judged without knowing its type.</summary>
public interface IUploadRecord
{
    /// <summary>Globally unique and deterministic (see <see cref="RecordIds"/>): a re-send after a crash must
    /// carry the same id so the platform drops the repeat.</summary>
    string RecordId { get; }

    RecordKind Kind { get; }

    /// <summary>Whether the field (a <see cref="FieldIds"/> id) has a value.</summary>
    bool Has(string fieldId);
}
