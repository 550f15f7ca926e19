namespace DataPlatform.RegulatorBridge.Records;

/// <summary>A receipt for one downlink command.</summary>
/// <remarks><paramref name="Message"/>: For the regulator's operator, e.g. 签名验证失败 or 已下发至门禁.</remarks>
public sealed record CommandReceiptRecord(string CommandId, ReceiptStatus Status, DateTimeOffset Time, string? Message);
