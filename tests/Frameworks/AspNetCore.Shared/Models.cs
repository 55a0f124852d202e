using System.Text.Json.Serialization;

namespace Frameworks.AspNetCore;

/// <summary>What every .NET API has: numbers of each size, money, dates, a duration, lists and maps.</summary>
public sealed record Product
{
    public int Id { get; init; }

    public required string Name { get; init; }

    public decimal Price { get; init; }

    public int Stock { get; init; }

    public int? Discount { get; init; }

    public double Rating { get; init; }

    public float Weight { get; init; }

    public long Views { get; init; }

    public Category Category { get; init; }

    /// <summary>A .NET <see cref="DateTime"/>: written without an offset.</summary>
    public DateTime CreatedAt { get; init; }

    public DateTimeOffset? UpdatedAt { get; init; }

    public DateOnly? LaunchDay { get; init; }

    public TimeSpan Warranty { get; init; }

    public List<string> Tags { get; init; } = [];

    public List<int> Sizes { get; init; } = [];

    public Dictionary<string, int> StockByStore { get; init; } = [];
}

[JsonConverter(typeof(JsonStringEnumConverter<Category>))]
public enum Category
{
    Tools,
    Garden,
    Kitchen,
}

/// <summary>The query a listing was called with, echoed.</summary>
public sealed record ProductQuery(Category? Category, int[] Ids, decimal? MinPrice, int Limit, string[] Tags);

public sealed record ProductPage(List<Product> Items, ProductQuery Query);

public sealed record HeaderEcho(string RequestId, int Page, double? Ratio);

/// <summary>A url-encoded form with numbers in it.</summary>
public sealed record OrderForm
{
    public required string Item { get; init; }

    public int Quantity { get; init; }

    public decimal Price { get; init; }

    public double? Discount { get; init; }
}

public sealed record UploadEcho(string FileName, string ContentType, long Length, string Sha256, string Description);

/// <summary>A hierarchy with the default discriminator (<c>$type</c>).</summary>
[JsonPolymorphic]
[JsonDerivedType(typeof(Circle), "circle")]
[JsonDerivedType(typeof(Rectangle), "rectangle")]
public abstract record Shape
{
    public string? Label { get; init; }
}

public sealed record Circle : Shape
{
    public double Radius { get; init; }
}

public sealed record Rectangle : Shape
{
    public double Width { get; init; }

    public double Height { get; init; }
}

/// <summary>A hierarchy with a discriminator of its own name, whose base is a case too.</summary>
[JsonPolymorphic(TypeDiscriminatorPropertyName = "kind")]
[JsonDerivedType(typeof(Pet), "pet")]
[JsonDerivedType(typeof(Dog), "dog")]
[JsonDerivedType(typeof(Cat), "cat")]
public record Pet
{
    public required string Name { get; init; }
}

public sealed record Dog : Pet
{
    public string? Breed { get; init; }

    public bool GoodBoy { get; init; }
}

public sealed record Cat : Pet
{
    public int Lives { get; init; }
}

/// <summary>A payload holding a list of a hierarchy's values.</summary>
public sealed record Drawing(string Title, List<Shape> Shapes);

/// <summary>Dates and durations as .NET writes them.</summary>
public sealed record Appointment
{
    public DateTime At { get; init; }

    public DateTime? Until { get; init; }

    public DateTimeOffset Booked { get; init; }

    public DateOnly Day { get; init; }

    public TimeOnly Starts { get; init; }

    public TimeSpan Length { get; init; }

    public TimeSpan? Reminder { get; init; }
}

public sealed record WhoAmI(string Token, string Scheme);
