using DataPlatform.Cli;

return await DataPlatformCommand.Create().Parse(args).InvokeAsync();
