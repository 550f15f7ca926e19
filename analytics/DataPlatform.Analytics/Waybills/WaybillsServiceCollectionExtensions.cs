using DataPlatform.Analytics.Http;
using DataPlatform.Analytics.Waybills;
using DataPlatform.Processing;
using DataPlatform.Processing.Integrity;
using DataPlatform.Processing.Sealing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace DataPlatform.Analytics;

public static class WaybillsServiceCollectionExtensions
{
    /// <summary>Waybill import (CLI and <c>POST /api/v1/waybills/import</c>), the shipments table and its verifier.</summary>
    public static IServiceCollection AddWaybills(this IServiceCollection services)
    {
        services.AddLedgerIntegrity();
        services.TryAddSingleton<ChainHeadTable>();
        services.TryAddSingleton<DataPlatform.Ledger.IdempotentInserter>();
        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton<CleanModeShipmentTable>();
        services.AddSingleton<WaybillImporter>();
        services.AddSingleton<CleanModeShipmentVerifier>();
        services.AddSingleton<IAnalyticsEndpoints, WaybillEndpoints>();
        return services;
    }
}
