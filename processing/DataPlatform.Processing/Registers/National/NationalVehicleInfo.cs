namespace DataPlatform.Processing.Registers.National;

/// <summary>What the national vehicle/machinery environmental information platform (全国机动车和非道路移动机械环保信息
/// 公开平台) says about one vehicle or machine. Codes as in HJ 1321 (fuel GA 24.9, stage 0…6/D/X, type GA 24.4).</summary>
public sealed record NationalVehicleInfo(
    string? Vin,
    string? PlateNo,
    string? PlateColor,
    string? RegistrationCode,
    string Stage,
    string Fuel,
    string? VehicleType,
    string? MachineryKind,
    string? Model,
    string? EngineModel,
    string? EngineMaker,
    string? UseNature,
    string? Owner)
{
    /// <summary>注册登记日期 (<c>yyyy-MM-dd</c>) when the platform lists it; learnt into the road register's
    /// <c>registerDate</c> field.</summary>
    public string? RegisterDate { get; init; }
}

/// <summary>How to look a vehicle up: by VIN, by plate (+ colour), or by a machine's 环保登记编码.</summary>
public sealed record NationalLookup(string? Vin = null, string? PlateNo = null, string? PlateColor = null, string? RegistrationCode = null);
