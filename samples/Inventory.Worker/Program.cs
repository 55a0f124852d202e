using System.Diagnostics;
using System.Reflection;
using Inventory;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

// The client of a service in the same solution, registered with dependency injection, its address resolved
// by service discovery from configuration ("services:inventory:http:0"), as .NET Aspire apps do. Without that
// setting, this starts the service itself on 127.0.0.1, as an Aspire app host would, and sets it.
var builder = Host.CreateApplicationBuilder(args);
using var service = builder.Configuration["services:inventory:http:0"] is null ? await Service.StartAsync() : null;
if (service is not null)
{
    builder.Configuration["services:inventory:http:0"] = service.Address;
}

builder.Logging.AddFilter("System.Net.Http.HttpClient", LogLevel.Warning);
builder.Services.AddServiceDiscovery();
builder.Services.AddInventoryClient(options => options.BaseAddress = new Uri("http://inventory")).AddServiceDiscovery();
using var host = builder.Build();
var inventory = host.Services.GetRequiredService<IInventoryClient>();

await inventory.CreateItemAsync(new Item { Sku = "bolt-m8", Name = "M8 bolt", Stock = 120, Kind = ItemKind.Part });
await inventory.CreateItemAsync(new Item { Sku = "sand", Name = "Sand", Stock = 0, Kind = ItemKind.Bulk });
foreach (var item in await inventory.ListItemsAsync(inStock: true))
{
    Console.WriteLine($"in stock: {item.Sku} ({item.Name}, {item.Kind}): {item.Stock}");
}

var sand = await inventory.GetItemAsync("sand");
Console.WriteLine($"read: {sand.Sku} ({sand.Name}, {sand.Kind}): {sand.Stock}");
await inventory.DeleteItemAsync("sand");
try
{
    await inventory.GetItemAsync("sand");
}
catch (Specgen.Runtime.ApiException e)
{
    Console.WriteLine($"after deleting it: {e.StatusCode}");
}

/// <summary>Inventory.Api in a process of its own, on a port the system chose.</summary>
internal sealed class Service(Process process, string address) : IDisposable
{
    public string Address { get; } = address;

    public static async Task<Service> StartAsync()
    {
        var dll = typeof(Service).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>().Single(a => a.Key == "InventoryApi").Value!;
        var start = new ProcessStartInfo("dotnet", [dll, "--urls", "http://127.0.0.1:0"]) { RedirectStandardOutput = true, UseShellExecute = false };
        var process = Process.Start(start) ?? throw new InvalidOperationException("could not start " + dll);
        while (await process.StandardOutput.ReadLineAsync() is { } line)
        {
            // ASP.NET Core's console log: "Now listening on: http://127.0.0.1:41234".
            if (line.Contains("Now listening on: ", StringComparison.Ordinal))
            {
                _ = process.StandardOutput.ReadToEndAsync();
                return new Service(process, line[(line.IndexOf("Now listening on: ", StringComparison.Ordinal) + "Now listening on: ".Length)..].Trim());
            }
        }

        throw new InvalidOperationException(dll + " ended without listening");
    }

    public void Dispose()
    {
        process.Kill(entireProcessTree: true);
        process.Dispose();
    }
}
