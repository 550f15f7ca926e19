using DataPlatform.Cli;
using DataPlatform.Engines.ClickHouse;

return ChdbProcess.Exit(await DataPlatformCommand.Create().Parse(args).InvokeAsync());
