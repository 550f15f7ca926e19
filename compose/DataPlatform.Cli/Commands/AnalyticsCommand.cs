using ClickHouse.Driver;
using DataPlatform.Analytics.Rating;
using Microsoft.Extensions.Hosting;

namespace DataPlatform.Cli.Commands;

/// <summary>Runs a one-shot analytics command (rating, waybills, reports) on an analytics host and turns the expected
/// failures into the commands' exit codes and messages: 2 bad input or a ClickHouse error, 3 ClickHouse unreachable.</summary>
public static class AnalyticsCommand
{
    public static async Task<int> RunAsync(string? clickHouse, Func<IHost, Task<int>> action)
    {
        using var host = CommonOptions.AnalyticsHost(clickHouse);
        try
        {
            return await action(host);
        }
        catch (DataPlatform.Reports.Templates.ReportTemplateException ex)
        {
            await Console.Error.WriteLineAsync(ex.Message);
            return 2;
        }
        catch (UnknownRuleSetException ex)
        {
            await Console.Error.WriteLineAsync(ex.Message);
            return 2;
        }
        catch (ArgumentException ex)
        {
            await Console.Error.WriteLineAsync(ex.Message);
            return 2;
        }
        catch (ClickHouseServerException ex)
        {
            await Console.Error.WriteLineAsync($"ClickHouse 错误 (code {ex.ErrorCode}): {ex.Message}. 台账是否已迁移? (dataplatform processing)");
            return 2;
        }
        catch (HttpRequestException ex)
        {
            await Console.Error.WriteLineAsync($"无法连接 ClickHouse: {ex.Message}. 平台是否已启动? (dataplatform standalone)");
            return 3;
        }
    }
}
