using Gongkai.Platform;
using Gongkai.Platform.Cli;

if (CliRunner.IsCommand(args))
{
    return await CliRunner.RunAsync(args);
}

var builder = WebApplication.CreateBuilder(args);
builder.AddPlatformModule();

var app = builder.Build();
await app.PrepareDatabaseAsync();
app.MapPlatformModule();
await app.RunAsync();
return 0;

public partial class Program;
