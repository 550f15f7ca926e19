namespace DataPlatform.Gate;

/// <summary>Codes and names of <see cref="EmissionStage"/>. <c>Code</c> is the HJ 1321 upload code (6a and 6b
/// upload as "6"); <c>InternalCode</c> keeps the sub-stage so it round-trips inside the platform.</summary>
public static class EmissionStageCodes
{
    private static readonly CodeTable<EmissionStage> Table = new(
        "emission stage",
        (EmissionStage.Guo0, "0", "国零", ["国0", "国〇"]),
        (EmissionStage.Guo1, "1", "国一", ["国1", "国I", "国Ⅰ"]),
        (EmissionStage.Guo2, "2", "国二", ["国2", "国II", "国Ⅱ"]),
        (EmissionStage.Guo3, "3", "国三", ["国3", "国III", "国Ⅲ"]),
        (EmissionStage.Guo4, "4", "国四", ["国4", "国IV", "国Ⅳ"]),
        (EmissionStage.Guo5, "5", "国五", ["国5", "国V", "国Ⅴ"]),
        (EmissionStage.Guo6, "6", "国六", ["国6", "国VI", "国Ⅵ"]),
        (EmissionStage.Guo6a, "6a", "国六a", ["国6a", "国VIa", "国Ⅵa"]),
        (EmissionStage.Guo6b, "6b", "国六b", ["国6b", "国VIb", "国Ⅵb"]),
        (EmissionStage.Electric, "D", "电动", ["纯电动", "新能源"]),
        (EmissionStage.None, "X", "无", ["无排放阶段"]));

    extension(EmissionStage stage)
    {
        /// <summary>The upload code: 0…6, D or X.</summary>
        public string Code => Table.Code(stage.UploadStage);

        /// <summary>Like <c>Code</c> but 6a / 6b for the sub-stages.</summary>
        public string InternalCode => Table.Code(stage);

        public string ChineseName => Table.ChineseName(stage);

        /// <summary>The stage as uploaded: 国六a and 国六b become 国六.</summary>
        public EmissionStage UploadStage => stage is EmissionStage.Guo6a or EmissionStage.Guo6b ? EmissionStage.Guo6 : stage;

        public bool IsCombustion => stage is not (EmissionStage.Electric or EmissionStage.None);

        /// <summary>Whether this stage meets <paramref name="minimum"/>: electric meets every minimum, "none"
        /// meets only "none", and plain 国六 does not meet 国六b (the sub-stage is unknown).</summary>
        public bool IsAtLeast(EmissionStage minimum) => stage switch
        {
            EmissionStage.Electric => true,
            EmissionStage.None => minimum == EmissionStage.None,
            _ => minimum == EmissionStage.None || (minimum != EmissionStage.Electric && stage >= minimum),
        };
    }

    extension(EmissionStage)
    {
        public static IReadOnlyList<EmissionStage> All => Table.Values;

        /// <summary>Accepts codes (0…6, 6a, 6b, D, X) and Chinese names (国五, 国5, 国Ⅴ, 电动, 无 …).</summary>
        public static bool TryParse(string? text, out EmissionStage value, out string reason) =>
            Table.TryParse(text, out value, out reason);
    }
}
