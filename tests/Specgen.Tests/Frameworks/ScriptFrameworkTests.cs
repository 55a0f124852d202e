using System.Security.Cryptography;
using System.Text;
using Specgen.Runtime;
using Specgen.Tests.Infrastructure;
using Xunit;

namespace Specgen.Tests.Frameworks;

/// <summary>
/// A FastAPI service's document as FastAPI writes it (default operation ids, <c>Body_…</c> schemas, forms,
/// an upload, a discriminated union, OAuth2 password), the client generated from the running app, every
/// echo compared with what was sent.
/// </summary>
public sealed class FastApiTests(FastApi api) : IClassFixture<FastApi>
{
    [Fact]
    public void Methods_and_bodies_read_as_the_functions_they_call()
    {
        var client = api.Spec.Type("ShopClient");
        foreach (var method in new[] { "ReadItemsAsync", "CreateItemAsync", "ReadItemAsync", "UpdateItemAsync", "DeleteItemAsync", "ReadRequestInfoAsync", "SubmitSignupAsync", "CreateFileAsync", "CreatePetAsync", "LoginAsync", "ReadMeAsync" })
        {
            Assert.NotNull(CompiledSpec.MethodOf(client, method));
        }

        Assert.Equal(api.Spec.Type("CreateFileRequest"), api.Parameters("CreateFileAsync")["request"]);
        Assert.Equal(typeof(bool?), api.Parameters("ReadItemsAsync")["short"]);
    }

    [Fact]
    public async Task An_item_is_created_read_listed_and_deleted()
    {
        var item = api.New("Item", ("Id", 41L), ("Name", "kite"), ("Price", 12.5), ("Tags", new[] { "toy", "red" }), ("Category", api.Enum("Category", "Toys")));
        var created = (await api.CallAsync("CreateItemAsync", item, null))!;
        var read = (await api.CallAsync("ReadItemAsync", 41L, null))!;
        foreach (var value in new[] { created, read })
        {
            Assert.Equal("kite", LiveApi.Get(value, "Name"));
            Assert.Equal(12.5, LiveApi.Get(value, "Price"));
            // FastAPI sends null for an optional member its schema does not let be null: read as absent.
            Assert.Null(LiveApi.Get(value, "Description"));
            Assert.Equal(["toy", "red"], (IEnumerable<string>)LiveApi.Get(value, "Tags")!);
        }

        var page = (await api.CallAsync("ReadItemsAsync", new[] { "red" }, api.Enum("Category", "Toys"), 5L, true, null))!;
        Assert.Equal(["red"], (IEnumerable<string>)LiveApi.Get(page, "Tag")!);
        Assert.Equal(5L, LiveApi.Get(page, "Limit"));
        Assert.Equal(true, LiveApi.Get(page, "Short"));
        Assert.Contains(((System.Collections.IEnumerable)LiveApi.Get(page, "Items")!).Cast<object>(), i => (long)LiveApi.Get(i, "Id")! == 41L);

        var updated = (await api.CallAsync("UpdateItemAsync", 41L, api.New("Item", ("Id", 41L), ("Name", "box kite"), ("Price", 13.0)), null))!;
        Assert.Equal("box kite", LiveApi.Get(updated, "Name"));
        var bookmark = (await api.CallAsync("CreateBookmarkAsync", api.New("Bookmark", ("Url", new Uri("https://example.com/kites?sort=new")), ("Title", "kites")), null))!;
        Assert.Equal(new Uri("https://example.com/kites?sort=new"), LiveApi.Get(bookmark, "Url"));

        await api.CallAsync("DeleteItemAsync", 41L, null);
        await Assert.ThrowsAsync<NotFoundException>(() => api.CallAsync("ReadItemAsync", 41L, null));
    }

    [Fact]
    public async Task A_header_and_a_cookie_reach_the_function()
    {
        var echo = (await api.CallAsync("ReadRequestInfoAsync", "req-7", "specgen-test", "s-42", null))!;
        Assert.Equal("req-7", LiveApi.Get(echo, "XRequestId"));
        Assert.Equal("specgen-test", LiveApi.Get(echo, "UserAgent"));
        Assert.Equal("s-42", LiveApi.Get(echo, "Session"));
    }

    [Fact]
    public async Task A_url_encoded_form_and_a_multipart_upload_are_accepted()
    {
        var signup = api.New("SubmitSignupRequest", ("Username", "ada"), ("Age", 36L), ("Code", "ABC-123"), ("Newsletter", true));
        var echo = (await api.CallAsync("SubmitSignupAsync", signup, null))!;
        Assert.Equal(("ada", 36L, "ABC-123", true), (LiveApi.Get(echo, "Username"), LiveApi.Get(echo, "Age"), LiveApi.Get(echo, "Code"), LiveApi.Get(echo, "Newsletter")));

        // What FastAPI would answer 422 to is refused before sending: the form's pattern, a URL past its maxLength.
        var badCode = api.New("SubmitSignupRequest", ("Username", "ada"), ("Age", 36L), ("Code", "abc"));
        Assert.Equal(["$.code: does not match ^[A-Z]{3}-[0-9]{3}$"], (await Assert.ThrowsAsync<RequestValidationException>(() => api.CallAsync("SubmitSignupAsync", badCode, null))).Violations);
        var longUrl = api.New("Bookmark", ("Url", new Uri("https://example.com/" + new string('a', 2100))), ("Title", "long"));
        Assert.Equal(["$.url: longer than 2083 characters"], (await Assert.ThrowsAsync<RequestValidationException>(() => api.CallAsync("CreateBookmarkAsync", longUrl, null))).Violations);
        api.Options.ValidateRequests = false;
        try
        {
            Assert.Equal(422, (await Assert.ThrowsAnyAsync<ApiException>(() => api.CallAsync("SubmitSignupAsync", badCode, null))).StatusCode);
        }
        finally
        {
            api.Options.ValidateRequests = true;
        }

        var bytes = Encoding.UTF8.GetBytes("bytes of a file");
        var upload = api.New("CreateFileRequest", ("File", new FilePart(bytes, "a.bin", "application/octet-stream")), ("Note", "hello"));
        var file = (await api.CallAsync("CreateFileAsync", upload, null))!;
        Assert.Equal("a.bin", LiveApi.Get(file, "Filename"));
        Assert.Equal((long)bytes.Length, LiveApi.Get(file, "Size"));
        Assert.Equal(Convert.ToHexStringLower(SHA256.HashData(bytes)), LiveApi.Get(file, "Sha256"));
        Assert.Equal("hello", LiveApi.Get(file, "Note"));
    }

    [Theory]
    [InlineData("Cat", "Lives", 7L)]
    [InlineData("Dog", "GoodBoy", false)]
    public async Task Each_pet_is_sent_with_its_kind_and_comes_back_as_itself(string pet, string member, object value)
    {
        var request = api.Case("CreatePetRequest." + pet, api.New(pet, ("Name", "Rex"), (member, value)));
        var echo = (await api.CallAsync("CreatePetAsync", request, null))!;
        Assert.Equal(pet.ToLowerInvariant(), LiveApi.Get(echo, "ReceivedKind"));
        var echoed = LiveApi.Get(echo, "Pet")!;
        Assert.Equal(api.Spec.Type("CreatePetRequest." + pet), echoed.GetType());
        Assert.Equal(value, LiveApi.Get(LiveApi.Get(echoed, "Value")!, member));
    }

    [Fact]
    public async Task A_token_from_the_password_flow_is_the_bearer_of_the_next_call()
    {
        var login = api.New("LoginRequest", ("Username", "ada"), ("Password", "secret"));
        var token = (await api.CallAsync("LoginAsync", login, null))!;
        api.AccessToken = (string)LiveApi.Get(token, "AccessToken")!;
        var me = (await api.CallAsync("ReadMeAsync", (object?)null))!;
        Assert.Equal("ada", LiveApi.Get(me, "Username"));
    }
}

/// <summary>
/// A NestJS service's document as @nestjs/swagger writes it (<c>{Controller}_{method}</c> ids, a string
/// handler sent as text/html, class-validator errors, a hand-written discriminated union, an upload, bearer).
/// </summary>
public sealed class NestJsTests(NestApi api) : IClassFixture<NestApi>
{
    [Fact]
    public async Task The_starter_handler_returns_its_text()
    {
        Assert.NotNull(CompiledSpec.MethodOf(api.Spec.Type("ShopClient"), "FindAllAsync"));
        Assert.NotNull(CompiledSpec.MethodOf(api.Spec.Type("ShopClient"), "CreateCatAsync"));
        Assert.Equal("Hello World!", await api.CallAsync("GetHelloAsync", (object?)null));
    }

    [Fact]
    public async Task A_cat_is_created_listed_and_read_and_invalid_input_says_why()
    {
        var created = (await api.CallAsync("CreateCatAsync", api.New("CreateCatDto", ("Name", "Tom"), ("Age", 3L), ("Breed", api.Enum("Breed", "Persian")), ("Tags", new[] { "grey" })), null))!;
        var id = LiveApi.Get(created, "Id")!;
        var read = (await api.CallAsync("FindOneAsync", Convert.ToDouble(id, System.Globalization.CultureInfo.InvariantCulture), null))!;
        Assert.Equal("Tom", LiveApi.Get(read, "Name"));
        Assert.Equal(3L, LiveApi.Get(read, "Age"));
        var number = Convert.ToDouble(id, System.Globalization.CultureInfo.InvariantCulture);
        var older = (await api.CallAsync("UpdateAsync", number, api.New("UpdateCatDto", ("Age", 4L)), null))!;
        Assert.Equal(("Tom", 4L), (LiveApi.Get(older, "Name"), LiveApi.Get(older, "Age")));

        var list = (await api.CallAsync("FindAllAsync", new[] { "grey" }, api.Enum("Breed", "Persian"), 10L, "req-9", null))!;
        Assert.Equal("req-9", LiveApi.Get(list, "RequestId"));
        Assert.Equal(10L, LiveApi.Get(list, "Limit"));
        await api.CallAsync("RemoveAsync", number, null);
        await Assert.ThrowsAsync<NotFoundException>(() => api.CallAsync("FindOneAsync", number, null));

        // The client refuses what the document forbids; sent anyway, class-validator's list of messages becomes one ErrorMessage.
        var invalid = api.New("CreateCatDto", ("Name", "Tom"), ("Age", -1L), ("Breed", api.Enum("Breed", "Persian")));
        await Assert.ThrowsAsync<RequestValidationException>(() => api.CallAsync("CreateCatAsync", invalid, null));
        api.Options.ValidateRequests = false;
        try
        {
            var error = await Assert.ThrowsAsync<BadRequestException>(() => api.CallAsync("CreateCatAsync", invalid, null));
            Assert.Equal("age must not be less than 0", error.ErrorMessage);
        }
        finally
        {
            api.Options.ValidateRequests = true;
        }
    }

    [Theory]
    [InlineData("Cat", "CatPet", "Lives", 7L)]
    [InlineData("Dog", "DogPet", "GoodBoy", true)]
    public async Task Each_pet_is_sent_with_its_kind_and_comes_back_as_itself(string pet, string record, string member, object value)
    {
        var echo = (await api.CallAsync("CreatePetAsync", api.Case("CreatePetRequest." + pet, api.New(record, ("Name", "Rex"), (member, value))), null))!;
        Assert.Equal(pet.ToLowerInvariant(), LiveApi.Get(echo, "ReceivedKind"));
        var echoed = LiveApi.Get(echo, "Pet")!;
        Assert.Equal(api.Spec.Type("CreatePetRequest." + pet), echoed.GetType());
        Assert.Equal(value, LiveApi.Get(LiveApi.Get(echoed, "Value")!, member));
    }

    [Fact]
    public async Task A_file_is_uploaded_and_the_bearer_token_is_sent()
    {
        var bytes = Encoding.UTF8.GetBytes("nest file");
        var file = (await api.CallAsync("UploadAsync", api.New("UploadRequest", ("File", new FilePart(bytes, "n.txt", "text/plain")), ("Note", "hi")), null))!;
        Assert.Equal(Convert.ToHexStringLower(SHA256.HashData(bytes)), LiveApi.Get(file, "Sha256"));
        Assert.NotNull(await api.CallAsync("GetProfileAsync", (object?)null));
    }
}
