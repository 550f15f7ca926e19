using DataPlatform.Processing.Integrity;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

// In the stage's root namespace so AddProcessing calls it without another using (other work edits that file).
namespace DataPlatform.Processing;

public static class IntegrityServiceCollectionExtensions
{
    /// <summary>The ledger's tamper-evidence service (verification); needs the ledger services
    /// (<c>AddLedger</c>). Sealing itself lives in the passage writer.</summary>
    public static IServiceCollection AddLedgerIntegrity(this IServiceCollection services)
    {
        services.TryAddSingleton<LedgerVerifier>();
        services.TryAddSingleton<ReviewLedgerVerifier>();
        return services;
    }
}
