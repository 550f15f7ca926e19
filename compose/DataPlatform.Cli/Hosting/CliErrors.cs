using System.CommandLine;
using System.Net.Sockets;
using ClickHouse.Driver;
using Confluent.Kafka;
using Microsoft.Extensions.Options;

namespace DataPlatform.Cli.Hosting;

/// <summary>
/// One error style for every command: a line <c>错误 (error): …</c>, a line <c>提示 (hint): …</c> saying what to do,
/// and a documented exit code; the .NET stack trace only with <c>--verbose</c>.
/// Exit codes: 0 done · 1 something was found or failed (a check, a verification) · 2 bad input, bad setting or a
/// query the ledger refused · 3 the platform (ClickHouse, Kafka, ingest) cannot be reached · 4 the ledger holds too
/// little data for the request (e.g. <c>forecast evaluate</c> on too short a history) · 130/143 stopped by SIGINT/SIGTERM.
/// </summary>
public static class CliErrors
{
    public const int Failed = 1;
    public const int BadInput = 2;
    public const int Unreachable = 3;
    public const int NotEnoughData = 4;
    public const int Interrupted = 130;

    public const string PlatformHint =
        "平台是否已启动? 本机: dataplatform standalone (命令会从其数据目录 endpoints.env 找到地址, 数据目录可用 DATAPLATFORM_DATA 指定); " +
        "其他部署: --clickhouse URL 或环境变量 ClickHouse__Endpoint / Kafka__BootstrapServers " +
        "(is the platform running? Commands find a local standalone through DIR/endpoints.env; point elsewhere with --clickhouse or ClickHouse__Endpoint / Kafka__BootstrapServers)";

    /// <summary><c>--verbose</c>, on every command: print the stack trace with an error.</summary>
    public static readonly Option<bool> Verbose = new("--verbose")
    {
        Description = "Print the stack trace with an error (错误时显示调用栈)",
        Recursive = true,
    };

    /// <summary>Writes <paramref name="message"/> and <paramref name="hint"/> in the common style.</summary>
    public static void Write(TextWriter error, string message, string? hint = null)
    {
        error.WriteLine($"错误 (error): {message}");
        if (hint is not null) error.WriteLine($"提示 (hint): {hint}");
    }

    /// <summary>Reports an exception a command did not handle itself; returns the exit code.</summary>
    public static int Report(Exception exception, bool verbose, TextWriter error)
    {
        var (code, message, hint) = Classify(exception);
        Write(error, message, hint);
        if (verbose) error.WriteLine(exception.ToString());
        return code;
    }

    public static (int Code, string Message, string? Hint) Classify(Exception exception)
    {
        foreach (var ex in Chain(exception))
        {
            switch (ex)
            {
                case OperationCanceledException:
                    return (Interrupted, "已中止 (interrupted)", null);
                case ClickHouseServerException ch:
                    return (BadInput, $"ClickHouse 拒绝了查询 (code {ch.ErrorCode}): {FirstLine(ch.Message)}", "台账是否已迁移? (dataplatform processing 或 standalone 启动时迁移)");
                case HttpRequestException or SocketException:
                    return (Unreachable, $"无法连接平台 (cannot reach the platform): {FirstLine(ex.Message)}", PlatformHint);
                case KafkaException kafka:
                    return (Unreachable, $"无法连接 Kafka (cannot reach Kafka): {kafka.Error.Reason}", PlatformHint);
                case OptionsValidationException options:
                    return (BadInput, $"配置无效 (invalid setting): {FirstLine(options.Message)}", "检查 appsettings.json 与环境变量 (check appsettings.json and the environment)");
            }
        }
        return (Failed, $"意外错误 (unexpected error): {FirstLine(exception.Message)}", "加 --verbose 查看详情 (add --verbose for the stack trace)");
    }

    private static IEnumerable<Exception> Chain(Exception exception)
    {
        for (Exception? ex = exception; ex is not null; ex = ex.InnerException)
        {
            if (ex is AggregateException { InnerExceptions.Count: 1 } aggregate) { foreach (var inner in Chain(aggregate.InnerExceptions[0])) yield return inner; yield break; }
            yield return ex;
        }
    }

    private static string FirstLine(string text) => text.Split('\n', 2)[0].Trim();
}
