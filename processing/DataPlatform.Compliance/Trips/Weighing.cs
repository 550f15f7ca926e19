using DataPlatform.Compliance.Vehicles;

namespace DataPlatform.Compliance.Trips;

/// <summary>One weighbridge reading.</summary>
/// <remarks>
/// <para><paramref name="Kg"/>: Whole kilograms, as weighbridges report.</para>
/// <para><paramref name="CargoName"/>: 运输货物名称 when the weighbridge or its booking knows it.</para>
/// </remarks>
public sealed record Weighing(
    string WeighingId, string EnterpriseId, VehicleKey Vehicle, DateTimeOffset Time, int Kg, string? CargoName);
