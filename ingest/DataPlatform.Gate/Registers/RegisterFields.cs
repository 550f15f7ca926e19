namespace DataPlatform.Gate.Registers;

/// <summary>The fields of each register (spec §1.2 in-plant vehicles, §1.3 non-road machinery; road vehicles as
/// the national platform describes them). The record key is <c>registrationCode</c> (环保登记编码, or the plant's
/// internal number for an in-plant vehicle) for the two registers, the plate for road vehicles.</summary>
public static class RegisterFields
{
    public const string RegistrationCode = "registrationCode";
    public const string PlateNo = "plateNo";
    public const string PlateColor = "plateColor";
    public const string Vin = "vin";
    public const string Pin = "pin";
    public const string Fuel = "fuel";
    public const string Stage = "stage";
    public const string MachineryKind = "machineryKind";
    public const string VehicleType = "vehicleType";
    public const string UseNature = "useNature";
    public const string Owner = "owner";

    public static IReadOnlyList<RegisterField> InPlant { get; } =
    [
        new(RegistrationCode, "环保登记编码/厂内编号", RegisterValueKind.Code, 32, Required: true),
        new(Vin, "车辆识别代号", RegisterValueKind.Vin, 17),
        new("productionDate", "生产日期", RegisterValueKind.Date),
        new(PlateNo, "车牌号码", RegisterValueKind.Plate, 10),
        new(PlateColor, "号牌颜色", RegisterValueKind.PlateColor),
        new("registerDate", "注册登记日期", RegisterValueKind.Date),
        new(VehicleType, "车辆类型", RegisterValueKind.VehicleType),
        new("model", "车辆型号", RegisterValueKind.Text),
        new("engineModel", "发动机型号", RegisterValueKind.Text),
        new("engineMaker", "发动机生产厂", RegisterValueKind.Text),
        new("engineNo", "发动机编号", RegisterValueKind.Text),
        new(Fuel, "燃料类型", RegisterValueKind.Fuel, Required: true),
        new(Stage, "排放阶段", RegisterValueKind.Stage, Required: true),
        new(Owner, "车辆所有人(单位)", RegisterValueKind.Text, 100, Required: true),
        new("envListImage", "随车清单照片", RegisterValueKind.Picture, 80),
        new("licenseImage", "行驶证照片", RegisterValueKind.Picture, 80),
    ];

    public static IReadOnlyList<RegisterField> NonRoad { get; } =
    [
        new(RegistrationCode, "环保登记编码", RegisterValueKind.Code, 32, Required: true),
        new("productionDate", "生产日期", RegisterValueKind.Date),
        new(PlateNo, "号牌", RegisterValueKind.Plate, 10),
        new(PlateColor, "号牌颜色", RegisterValueKind.PlateColor),
        new(Stage, "排放阶段", RegisterValueKind.Stage, Required: true),
        new(Fuel, "燃料类型", RegisterValueKind.Fuel, Required: true),
        new(MachineryKind, "机械种类", RegisterValueKind.MachineryKind, Required: true),
        new(Pin, "PIN/机械环保代码", RegisterValueKind.Code, 64, Required: true),
        new("model", "机械型号", RegisterValueKind.Text),
        new("engineModel", "发动机型号", RegisterValueKind.Text),
        new("engineMaker", "发动机生产厂", RegisterValueKind.Text),
        new("engineNo", "发动机编号", RegisterValueKind.Text),
        new("nameplateImage", "整机铭牌照片", RegisterValueKind.Picture, 80),
        new("enginePlateImage", "发动机铭牌照片", RegisterValueKind.Picture, 80),
        new("labelImage", "环保信息标签照片", RegisterValueKind.Picture, 80),
        new(Owner, "所属人(单位)", RegisterValueKind.Text, 100, Required: true),
    ];

    public static IReadOnlyList<RegisterField> Road { get; } =
    [
        new(PlateNo, "车牌号码", RegisterValueKind.Plate, 10, Required: true),
        new(PlateColor, "号牌颜色", RegisterValueKind.PlateColor, Required: true),
        new(Vin, "车辆识别代号", RegisterValueKind.Vin, 17),
        new(VehicleType, "车辆类型", RegisterValueKind.VehicleType),
        new(UseNature, "使用性质", RegisterValueKind.UseNature),
        new("model", "车辆型号", RegisterValueKind.Text),
        new("engineModel", "发动机型号", RegisterValueKind.Text),
        new("engineMaker", "发动机生产厂", RegisterValueKind.Text),
        new(Fuel, "燃料类型", RegisterValueKind.Fuel, Required: true),
        new(Stage, "排放阶段", RegisterValueKind.Stage, Required: true),
        new(Owner, "车辆所有人(单位)", RegisterValueKind.Text, 100),
        // The rest of a passage's spec §1.1 vehicle fields, when the source knows them (随车清单, 行驶证).
        new("registerDate", "注册登记日期", RegisterValueKind.Date),
        new("engineNo", "发动机编号", RegisterValueKind.Text),
        new("obdOnline", "联网状态", RegisterValueKind.Text, 5),
        new("envListImage", "随车清单照片", RegisterValueKind.Picture, 80),
        new("licenseImage", "行驶证照片", RegisterValueKind.Picture, 80),
    ];

    public static IReadOnlyList<RegisterField> Of(RegisterKind kind) => kind switch
    {
        RegisterKind.InPlant => InPlant,
        RegisterKind.NonRoad => NonRoad,
        _ => Road,
    };
}
