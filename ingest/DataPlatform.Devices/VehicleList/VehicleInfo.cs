using DataPlatform.Gate;

namespace DataPlatform.Devices.VehicleList;

/// <summary>What a 机动车环保信息随车清单 (the vehicle's environmental information list) says about the vehicle.
/// Only the disclosure number and the VIN are required; a layout that does not carry a field leaves it null
/// rather than guessing it.</summary>
/// <remarks>
/// <para><paramref name="DisclosureNumber"/>: 信息公开编号: the list's number in the environmental information disclosure
/// system, upper case, without spaces.</para>
/// <para><paramref name="Layout"/>: Which supported QR layout it was read from (see
/// <see cref="VehicleListQr.Layouts"/>).</para>
/// </remarks>
public sealed record VehicleInfo(
    string DisclosureNumber,
    Vin Vin,
    string? Model,
    string? EngineModel,
    string? EngineMaker,
    EmissionStage? EmissionStage,
    FuelType? Fuel,
    string? Manufacturer,
    DateOnly? ProductionDate,
    string Layout);
