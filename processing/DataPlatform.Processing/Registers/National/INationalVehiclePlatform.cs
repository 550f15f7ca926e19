namespace DataPlatform.Processing.Registers.National;

/// <summary>The national vehicle/machinery environmental information platform, as processing uses it: one lookup.</summary>
public interface INationalVehiclePlatform
{
    /// <summary>The platform's record, or null when it knows no such vehicle.</summary>
    /// <exception cref="HttpRequestException">the platform could not be asked (the caller retries later).</exception>
    Task<NationalVehicleInfo?> LookupAsync(NationalLookup query, CancellationToken ct);
}
