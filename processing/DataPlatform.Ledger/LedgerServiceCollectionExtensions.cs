using ClickHouse.Driver;
using DataPlatform.Ledger.Retention;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace DataPlatform.Ledger;

public static class LedgerServiceCollectionExtensions
{
    /// <summary>Binds <see cref="ClickHouseOptions"/> and registers one shared, thread-safe ClickHouse client.</summary>
    public static IHostApplicationBuilder AddLedger(this IHostApplicationBuilder builder)
    {
        builder.Services.AddOptions<ClickHouseOptions>().BindConfiguration("ClickHouse").ValidateOnStart();
        builder.Services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<ClickHouseOptions>, ClickHouseOptionsValidation>());
        builder.Services.AddSingleton(sp => new ClickHouseClient(sp.GetRequiredService<IOptions<ClickHouseOptions>>().Value.ConnectionString()));
        builder.Services.AddOptions<LedgerRetentionOptions>().BindConfiguration("Ledger:Retention").ValidateOnStart();
        builder.Services.AddSingleton<IValidateOptions<LedgerRetentionOptions>, LedgerRetentionValidation>();
        builder.Services.AddSingleton<LedgerRetention>();
        builder.Services.AddSingleton<LedgerMigrator>();
        builder.Services.AddSingleton<IdempotentInserter>();
        return builder;
    }
}
