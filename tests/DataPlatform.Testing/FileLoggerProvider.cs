using Microsoft.Extensions.Logging;

namespace DataPlatform.Tests.Infrastructure;

/// <summary>Writes the hosts' log lines to a file while debugging a test (the test runner does not show a test
/// host's console): <c>DATAPLATFORM_TEST_LOG=/tmp/test.log</c>.</summary>
public sealed class FileLoggerProvider(string path) : ILoggerProvider
{
    private readonly object _gate = new();

    public ILogger CreateLogger(string categoryName) => new FileLogger(this, categoryName);

    public void Dispose() { }

    private void Write(string line)
    {
        lock (_gate) File.AppendAllText(path, line + Environment.NewLine);
    }

    private sealed class FileLogger(FileLoggerProvider provider, string category) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => logLevel >= LogLevel.Information;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
            provider.Write($"{DateTime.UtcNow:HH:mm:ss.fff} {logLevel} {category}: {formatter(state, exception)}{(exception is null ? "" : " " + exception)}");
    }
}

/// <summary>The logging of every host a test builds: none, unless <c>DATAPLATFORM_TEST_LOG</c> names a file
/// (levels: <c>DATAPLATFORM_TEST_LOG_LEVEL</c> for the platform's own categories, default Warning).</summary>
public static class TestLogging
{
    public static void Configure(ILoggingBuilder logging)
    {
        logging.ClearProviders();
        if (Environment.GetEnvironmentVariable("DATAPLATFORM_TEST_LOG") is { Length: > 0 } path)
            logging.AddProvider(new FileLoggerProvider(path));
    }
}
