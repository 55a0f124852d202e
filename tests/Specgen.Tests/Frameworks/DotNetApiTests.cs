using System.Security.Cryptography;
using System.Text;
using Specgen.Runtime;
using Specgen.Tests.Infrastructure;
using Xunit;

namespace Specgen.Tests.Frameworks;

/// <summary>
/// What a .NET team gets from its own service's document: the test API (tests/Frameworks) runs on
/// 127.0.0.1, documented by Microsoft.AspNetCore.OpenApi or by Swashbuckle; the client is generated from
/// the document the running app serves, and every call's echo is compared with what was sent. The
/// same tests run against both documents.
/// </summary>
public abstract class DotNetApiTests<TApi>(TApi api) : IClassFixture<TApi>
    where TApi : DotNetApi
{
    protected TApi Api { get; } = api;

    [Fact]
    public void Numbers_are_the_number_types_of_their_formats_everywhere()
    {
        Assert.Equal(typeof(int?), Api.MemberType("Product", "Stock"));
        Assert.Equal(typeof(int?), Api.MemberType("Product", "Discount"));
        Assert.Equal(typeof(long?), Api.MemberType("Product", "Views"));
        Assert.Equal(typeof(double?), Api.MemberType("Product", "Rating"));
        Assert.Equal(typeof(float?), Api.MemberType("Product", "Weight"));
        Assert.Equal(typeof(IReadOnlyList<int>), Api.MemberType("Product", "Sizes"));
        Assert.Equal(typeof(IReadOnlyDictionary<string, int>), Api.MemberType("Product", "StockByStore"));
        Assert.Equal(typeof(int?), Api.MemberType("ProblemDetails", "Status"));
        Assert.Equal(typeof(int?), Api.MemberType("OrderForm", "Quantity"));

        var list = Api.Parameters("ListProductsAsync");
        Assert.Equal(typeof(IReadOnlyList<int>), list["ids"]);
        Assert.Equal(typeof(int?), list["limit"]);
        var headers = Api.Parameters("GetEchoHeadersAsync");
        Assert.Equal(typeof(int), headers["xPage"]);
        Assert.Equal(typeof(double?), headers["xRatio"]);
        Assert.Equal(typeof(int?), Api.MemberType("PostEchoOrderFormRequest", "Quantity"));

        // No union of scalars anywhere: a number written as text is the number.
        Assert.DoesNotContain(Api.Spec.Assembly.GetTypes(), t => t.GetNestedType("Integer") is not null || t.GetNestedType("Number") is not null);
    }

    [Fact]
    public void Operations_without_ids_are_named_for_what_they_do_to_their_resource()
    {
        var client = Api.Spec.Type("ShopClient");
        foreach (var method in new[] { "ListProductsAsync", "CreateProductAsync", "GetProductAsync", "UpdateProductAsync", "DeleteProductAsync", "GetEchoHeadersAsync", "PostEchoShapeAsync", "GetMeAsync" })
        {
            Assert.NotNull(CompiledSpec.MethodOf(client, method));
        }
    }

    [Fact]
    public async Task A_product_with_every_kind_of_value_is_created_read_and_echoed_unchanged()
    {
        var created = DateTimeOffset.Parse("2026-03-01T08:15:30Z", System.Globalization.CultureInfo.InvariantCulture);
        var product = Api.New("Product",
            ("Name", "Hammer"), ("Price", 12.34m), ("Stock", 7), ("Discount", null), ("Rating", 4.5), ("Weight", 0.75f), ("Views", 9_000_000_000L),
            ("CreatedAt", created), ("Warranty", new TimeSpan(365, 0, 0, 0)), ("LaunchDay", new DateOnly(2026, 4, 1)),
            ("Tags", new[] { "tools", "steel" }), ("Sizes", new[] { 10, 12 }), ("StockByStore", new Dictionary<string, int> { ["berlin"] = 3 }),
            ("Category", Api.Enum("Category", "Garden")));

        var echoed = (await Api.CallAsync("CreateProductAsync", product, null))!;
        var id = (int)LiveApi.Get(echoed, "Id")!;
        var read = (await Api.CallAsync("GetProductAsync", id, null))!;

        foreach (var value in new[] { echoed, read })
        {
            Assert.Equal("Hammer", LiveApi.Get(value, "Name"));
            Assert.Equal(12.34m, Price(value));
            Assert.Equal(7, LiveApi.Get(value, "Stock"));
            Assert.Null(LiveApi.Get(value, "Discount"));
            Assert.Equal(4.5, LiveApi.Get(value, "Rating"));
            Assert.Equal(0.75f, LiveApi.Get(value, "Weight"));
            Assert.Equal(9_000_000_000L, LiveApi.Get(value, "Views"));
            Assert.Equal(new TimeSpan(365, 0, 0, 0), LiveApi.Get(value, "Warranty"));
            Assert.Equal(new DateOnly(2026, 4, 1), LiveApi.Get(value, "LaunchDay"));
            Assert.Equal(["tools", "steel"], (IEnumerable<string>)LiveApi.Get(value, "Tags")!);
            Assert.Equal([10, 12], (IEnumerable<int>)LiveApi.Get(value, "Sizes")!);
            Assert.Equal(3, ((IReadOnlyDictionary<string, int>)LiveApi.Get(value, "StockByStore")!)["berlin"]);
            Assert.Equal("Garden", LiveApi.Get(value, "Category")!.ToString());

            // The server keeps a DateTime without an offset, and writes it so: it reads as the clock time sent.
            var at = (DateTimeOffset)LiveApi.Get(value, "CreatedAt")!;
            Assert.Equal(created.DateTime, at.DateTime);
        }

        Assert.Contains("\"createdAt\":\"2026-03-01T08:15:30\"", await RawAsync("products/" + id), StringComparison.Ordinal);

        var renamed = (await Api.CallAsync("UpdateProductAsync", id, Api.New("Product", ("Name", "Mallet"), ("Price", 15m), ("Stock", 2)), null))!;
        Assert.Equal(("Mallet", 2), (LiveApi.Get(renamed, "Name"), LiveApi.Get(renamed, "Stock")));
        await Api.CallAsync("DeleteProductAsync", id, null);
        await Assert.ThrowsAsync<NotFoundException>(() => Api.CallAsync("GetProductAsync", id, null));
    }

    [Fact]
    public async Task A_missing_product_is_a_problem_details_with_an_int_status()
    {
        var error = await Assert.ThrowsAsync<NotFoundException>(() => Api.CallAsync("GetProductAsync", 999_999, null));
        Assert.True(error.TryGetBody<object>(out var problem));
        Assert.Equal(404, LiveApi.Get(problem, "Status"));
        Assert.Equal("No such product", LiveApi.Get(problem, "Title"));
    }

    [Fact]
    public async Task A_negative_price_is_a_validation_problem_from_the_server()
    {
        var product = Api.New("Product", ("Name", "Refund"), ("Price", -1m));
        var error = await Assert.ThrowsAsync<BadRequestException>(() => Api.CallAsync("CreateProductAsync", product, null));
        Assert.Contains("The price cannot be negative.", error.ResponseBody, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Query_lists_enums_and_numbers_reach_the_server()
    {
        var minPrice = LiveApi.AsType(2.5m, Api.Parameters("ListProductsAsync")["minPrice"]);
        var page = (await Api.CallAsync("ListProductsAsync", Api.Enum("Category", "Tools"), new[] { 1, 2, 3 }, minPrice, new[] { "a", "b c" }, 5, null))!;
        var query = LiveApi.Get(page, "Query")!;
        Assert.Equal("Tools", LiveApi.Get(query, "Category")!.ToString());
        Assert.Equal([1, 2, 3], (IEnumerable<int>)LiveApi.Get(query, "Ids")!);
        Assert.Equal(2.5m, Convert.ToDecimal(LiveApi.Get(query, "MinPrice"), System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal(["a", "b c"], (IEnumerable<string>)LiveApi.Get(query, "Tags")!);
        Assert.Equal(5, LiveApi.Get(query, "Limit"));
    }

    [Fact]
    public async Task Header_parameters_are_sent_as_their_types()
    {
        var echo = (await Api.CallAsync("GetEchoHeadersAsync", "req-1", 3, 0.25, null))!;
        Assert.Equal("req-1", LiveApi.Get(echo, "RequestId"));
        Assert.Equal(3, LiveApi.Get(echo, "Page"));
        Assert.Equal(0.25, LiveApi.Get(echo, "Ratio"));
    }

    [Fact]
    public async Task A_url_encoded_form_with_number_fields_is_accepted()
    {
        var form = Api.New("PostEchoOrderFormRequest", ("Item", "nails"), ("Quantity", 3), ("Price", 9.99m), ("Discount", 0.5));
        var echo = (await Api.CallAsync("PostEchoOrderFormAsync", form, null))!;
        Assert.Equal("nails", LiveApi.Get(echo, "Item"));
        Assert.Equal(3, LiveApi.Get(echo, "Quantity"));
        Assert.Equal(9.99m, Price(echo));
        Assert.Equal(0.5, LiveApi.Get(echo, "Discount"));

        // The same record as multipart/form-data, the document's other media type for it.
        var multipart = Api.New("PostEchoOrderRequest", ("Item", "screws"), ("Quantity", 12), ("Price", 0.05m));
        var parts = (await Api.CallAsync("PostEchoOrderAsync", multipart, null))!;
        Assert.Equal(("screws", 12), (LiveApi.Get(parts, "Item"), LiveApi.Get(parts, "Quantity")));
        Assert.Equal(0.05m, Price(parts));
    }

    [Fact]
    public async Task A_file_and_its_field_are_required_and_uploaded()
    {
        Assert.True(Api.IsRequired("PostEchoUploadRequest", "File"));
        Assert.True(Api.IsRequired("PostEchoUploadRequest", "Description"));
        var bytes = Encoding.UTF8.GetBytes("the file's bytes ✓");
        var upload = Api.New("PostEchoUploadRequest", ("File", new FilePart(bytes, "notes.txt", "text/plain")), ("Description", "notes"));
        var echo = (await Api.CallAsync("PostEchoUploadAsync", upload, null))!;
        Assert.Equal("notes.txt", LiveApi.Get(echo, "FileName"));
        Assert.Equal("text/plain", LiveApi.Get(echo, "ContentType"));
        Assert.Equal((long)bytes.Length, LiveApi.Get(echo, "Length"));
        Assert.Equal(Convert.ToHexStringLower(SHA256.HashData(bytes)), LiveApi.Get(echo, "Sha256"));
        Assert.Equal("notes", LiveApi.Get(echo, "Description"));
    }

    [Fact]
    public async Task Dates_times_and_durations_as_dotnet_writes_them_round_trip()
    {
        var appointment = Api.New("Appointment",
            ("At", new DateTimeOffset(2026, 3, 1, 8, 15, 30, TimeSpan.Zero)), ("Booked", new DateTimeOffset(2026, 2, 1, 9, 0, 0, TimeSpan.FromHours(2))),
            ("Day", new DateOnly(2026, 3, 1)), ("Starts", new TimeOnly(8, 15)), ("Length", TimeSpan.FromMinutes(90)), ("Reminder", new TimeSpan(1, 2, 3, 4, 500)));
        var echo = (await Api.CallAsync("PostEchoAppointmentAsync", appointment, null))!;
        Assert.Equal(new DateTimeOffset(2026, 3, 1, 8, 15, 30, TimeSpan.Zero), LiveApi.Get(echo, "At"));
        Assert.Equal(new DateTimeOffset(2026, 2, 1, 9, 0, 0, TimeSpan.FromHours(2)), LiveApi.Get(echo, "Booked"));
        Assert.Equal(new TimeOnly(8, 15), LiveApi.Get(echo, "Starts"));
        Assert.Equal(TimeSpan.FromMinutes(90), LiveApi.Get(echo, "Length"));
        Assert.Equal(new TimeSpan(1, 2, 3, 4, 500), LiveApi.Get(echo, "Reminder"));
        Assert.Equal(typeof(TimeSpan?), Api.MemberType("Appointment", "Length"));
    }

    [Fact]
    public async Task The_bearer_token_goes_where_the_document_asks_for_it()
    {
        var me = (await Api.CallAsync("GetMeAsync", (object?)null))!;
        Assert.Equal("test-token-8c1f", LiveApi.Get(me, "Token"));
        Assert.Equal("Bearer", LiveApi.Get(me, "Scheme"));
    }

    /// <summary>The price as a decimal: Microsoft.AspNetCore.OpenApi's pattern says decimal, Swashbuckle writes a double.</summary>
    private static decimal Price(object value) =>
        Convert.ToDecimal(LiveApi.Get(value, "Price"), System.Globalization.CultureInfo.InvariantCulture);

    private async Task<string> RawAsync(string path)
    {
        using var http = new HttpClient { BaseAddress = Api.BaseAddress };
        return await http.GetStringAsync(path);
    }
}

/// <summary>The test API documented by Microsoft.AspNetCore.OpenApi 10 (<c>AddOpenApi</c>, as <c>dotnet new webapi</c> has it).</summary>
public sealed class AspNetCoreOpenApiTests(AspNetCoreOpenApi api) : DotNetApiTests<AspNetCoreOpenApi>(api)
{
    [Fact]
    public void A_decimal_is_a_decimal_and_the_hierarchies_are_unions_of_their_derived_types()
    {
        Assert.Equal(typeof(decimal?), Api.MemberType("Product", "Price"));
        Assert.Equal(typeof(decimal?), Api.Parameters("ListProductsAsync")["minPrice"]);
        Assert.NotNull(Api.Spec.Type("Shape.Circle"));
        Assert.Equal(Api.Spec.Type("Circle"), Api.Spec.Type("Shape.Circle").GetProperty("Value")!.PropertyType);
        Assert.Equal(Api.Spec.Type("PetPet"), Api.Spec.Type("Pet.Base").GetProperty("Value")!.PropertyType);
        // The discriminator is the case's to set: not the caller's.
        Assert.False(Api.IsRequired("Circle", "Type"));
    }

    [Theory]
    [InlineData("Shape.Circle", "Circle", "Radius", 2.5)]
    [InlineData("Shape.Rectangle", "Rectangle", "Width", 4.0)]
    public async Task Each_derived_shape_round_trips_without_the_caller_setting_a_discriminator(string caseType, string record, string member, double value)
    {
        var shape = Api.Case(caseType, Api.New(record, (member, value), ("Label", "mine")));
        var echo = (await Api.CallAsync("PostEchoShapeAsync", shape, null))!;
        Assert.Equal(Api.Spec.Type(caseType), echo.GetType());
        var echoed = LiveApi.Get(echo, "Value")!;
        Assert.Equal(value, LiveApi.Get(echoed, member));
        Assert.Equal("mine", LiveApi.Get(echoed, "Label"));
    }

    [Theory]
    [InlineData("Pet.Dog", "Dog", "Breed", "collie")]
    [InlineData("Pet.Cat", "Cat", "Lives", 9)]
    [InlineData("Pet.Base", "PetPet", null, null!)]
    public async Task Each_pet_comes_back_as_the_pet_it_was_with_nothing_lost(string caseType, string record, string? member, object? value)
    {
        var pet = member is null ? Api.New(record, ("Name", "Rex")) : Api.New(record, ("Name", "Rex"), (member, value));
        var echo = (await Api.CallAsync("PostEchoPetAsync", Api.Case(caseType, pet), null))!;
        Assert.Equal(Api.Spec.Type(caseType), echo.GetType());
        var echoed = LiveApi.Get(echo, "Value")!;
        Assert.Equal("Rex", LiveApi.Get(echoed, "Name"));
        if (member is not null)
        {
            Assert.Equal(value, LiveApi.Get(echoed, member));
        }
    }

    [Fact]
    public async Task A_list_of_shapes_round_trips_case_by_case()
    {
        var shapes = Array.CreateInstance(Api.Spec.Type("Shape"), 2);
        shapes.SetValue(Api.Case("Shape.Circle", Api.New("Circle", ("Radius", 1.0))), 0);
        shapes.SetValue(Api.Case("Shape.Rectangle", Api.New("Rectangle", ("Width", 2.0), ("Height", 3.0))), 1);
        var echo = (await Api.CallAsync("PostEchoDrawingAsync", Api.New("Drawing", ("Title", "two"), ("Shapes", shapes)), null))!;
        var echoed = ((System.Collections.IEnumerable)LiveApi.Get(echo, "Shapes")!).Cast<object>().ToList();
        Assert.Equal([Api.Spec.Type("Shape.Circle"), Api.Spec.Type("Shape.Rectangle")], echoed.Select(s => s.GetType()));
    }
}

/// <summary>The test API documented by Swashbuckle.AspNetCore 11 (allOf inheritance, oneOf at each use).</summary>
public sealed class AspNetCoreSwashbuckleTests(AspNetCoreSwashbuckle api) : DotNetApiTests<AspNetCoreSwashbuckle>(api)
{
    [Fact]
    public void Each_use_of_a_hierarchy_is_its_base_record()
    {
        Assert.Equal(Api.Spec.Type("Shape"), Api.Parameters("PostEchoShapeAsync")["request"]);
        Assert.Equal(typeof(IReadOnlyList<>).MakeGenericType(Api.Spec.Type("Shape")), Api.MemberType("Drawing", "Shapes"));
        Assert.Equal(Api.Spec.Type("Shape"), Api.Spec.Type("Circle").BaseType);
    }

    [Theory]
    [InlineData("Circle", "Radius", 2.5)]
    [InlineData("Rectangle", "Width", 4.0)]
    public async Task Each_derived_shape_round_trips_as_itself(string record, string member, double value)
    {
        var echo = (await Api.CallAsync("PostEchoShapeAsync", Api.New(record, (member, value), ("Label", "mine")), null))!;
        Assert.Equal(Api.Spec.Type(record), echo.GetType());
        Assert.Equal(value, LiveApi.Get(echo, member));
        Assert.Equal("mine", LiveApi.Get(echo, "Label"));
    }

    [Fact]
    public async Task A_dog_sent_as_a_pet_keeps_its_breed()
    {
        var echo = (await Api.CallAsync("PostEchoPetAsync", Api.New("Dog", ("Name", "Rex"), ("Breed", "collie"), ("GoodBoy", true)), null))!;
        Assert.Equal(Api.Spec.Type("Dog"), echo.GetType());
        Assert.Equal("collie", LiveApi.Get(echo, "Breed"));
        Assert.Equal(true, LiveApi.Get(echo, "GoodBoy"));
    }
}
