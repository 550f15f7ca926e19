using DataPlatform.Rating.Waybills;

namespace DataPlatform.Analytics.Waybills;

/// <summary>What an import did: refused whole (<see cref="Errors"/> lists every bad row), or accepted with how many
/// rows were new and how many were already stored (a re-import adds nothing).</summary>
public sealed record WaybillImportResult(
    string ImportId, string Enterprise, string File, int Rows, int Added, int AlreadyStored, decimal Tonnes,
    IReadOnlyList<WaybillRowError> Errors)
{
    public bool Accepted => Errors.Count == 0;
}
