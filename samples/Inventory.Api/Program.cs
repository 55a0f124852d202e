using System.Collections.Concurrent;
using Microsoft.AspNetCore.Http.HttpResults;

var builder = WebApplication.CreateBuilder(args);
builder.Services.AddOpenApi();
var app = builder.Build();
app.MapOpenApi();

var items = new ConcurrentDictionary<string, Item>(StringComparer.Ordinal);
var inventory = app.MapGroup("/items").WithTags("Items");
inventory.MapGet("/", (bool? inStock) => items.Values.Where(i => inStock is not true || i.Stock > 0).OrderBy(i => i.Sku, StringComparer.Ordinal).ToList())
    .WithSummary("Lists the items, or only those in stock.");
inventory.MapGet("/{sku}", Results<Ok<Item>, NotFound> (string sku) => items.TryGetValue(sku, out var item) ? TypedResults.Ok(item) : TypedResults.NotFound())
    .WithSummary("Reads one item.");
inventory.MapPost("/", Results<Created<Item>, Conflict> (Item item) => items.TryAdd(item.Sku, item) ? TypedResults.Created($"/items/{item.Sku}", item) : TypedResults.Conflict())
    .WithSummary("Adds an item.");
inventory.MapDelete("/{sku}", Results<NoContent, NotFound> (string sku) => items.TryRemove(sku, out _) ? TypedResults.NoContent() : TypedResults.NotFound())
    .WithSummary("Removes an item.");

app.Run();

/// <summary>An item of the inventory.</summary>
/// <param name="Sku">The stock-keeping unit that names it.</param>
/// <param name="Name">What it is called.</param>
/// <param name="Stock">How many are left.</param>
/// <param name="Kind">What sort of item it is.</param>
public record Item(string Sku, string Name, int Stock, ItemKind Kind);

/// <summary>What sort of item it is.</summary>
[System.Text.Json.Serialization.JsonConverter(typeof(System.Text.Json.Serialization.JsonStringEnumConverter<ItemKind>))]
public enum ItemKind
{
    /// <summary>Sold by the piece.</summary>
    Part,

    /// <summary>Sold by weight.</summary>
    Bulk,
}
