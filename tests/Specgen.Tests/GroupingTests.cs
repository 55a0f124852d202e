using Specgen.Tests.Infrastructure;
using Xunit;

namespace Specgen.Tests;

/// <summary>Which sub-client an operation is on: its first tag, x-specgen-group, or the root client.</summary>
public class GroupingTests
{
    private static GeneratorRun Run(string paths) => GeneratorHarness.Run(new SpecFile(
        "specs/groups.yaml", "openapi: 3.0.3\ninfo: {title: Groups, version: '1'}\npaths:\n" + paths, Namespace: "Groups", ClientName: "GroupsClient"));

    private static string Operation(string path, string id, string tags, string extra = "") =>
        $"  {path}:\n    get:\n      operationId: {id}\n      tags: [{tags}]\n{extra}      responses: {{'204': {{description: done}}}}\n";

    [Fact]
    public void Each_first_tag_is_a_sub_client_and_an_untagged_operation_stays_on_the_root()
    {
        var run = Run(Operation("/pets", "listPets", "pets, animals") + Operation("/stores", "listStores", "stores")
            + "  /health:\n    get:\n      operationId: health\n      responses: {'204': {description: done}}\n");

        WholeApi.CompilesCleanly(run);
        Assert.Equal(["HealthAsync", "Pets.ListPetsAsync", "Stores.ListStoresAsync"], WholeApi.ClientMethods(run, "Groups.GroupsClient").Order(StringComparer.Ordinal));
    }

    [Fact]
    public void One_tag_for_every_operation_keeps_the_client_flat()
    {
        var run = Run(Operation("/pets", "listPets", "pets") + Operation("/pets/{id}", "getPet", "pets"));

        Assert.Equal(["GetPetAsync", "ListPetsAsync"], WholeApi.ClientMethods(run, "Groups.GroupsClient").Order(StringComparer.Ordinal));
    }

    [Fact]
    public void X_specgen_group_moves_an_operation_or_keeps_it_on_the_root()
    {
        var run = Run(Operation("/pets", "listPets", "pets", "      x-specgen-group: Animals\n")
            + Operation("/stores", "listStores", "stores", "      x-specgen-group: ''\n")
            + Operation("/orders", "listOrders", "orders"));

        WholeApi.CompilesCleanly(run);
        Assert.Equal(["Animals.ListPetsAsync", "ListStoresAsync", "Orders.ListOrdersAsync"], WholeApi.ClientMethods(run, "Groups.GroupsClient").Order(StringComparer.Ordinal));
    }

    [Fact]
    public void A_tag_named_like_a_member_of_object_stays_on_the_root_rather_than_hide_it()
    {
        // get-type would be a property GetType, hiding object.GetType (CS0108, an error with warnings as errors).
        var run = Run(Operation("/types", "listTypes", "get-type") + Operation("/pets", "listPets", "pets"));

        WholeApi.CompilesCleanly(run);
        Assert.Equal(["ListTypesAsync", "Pets.ListPetsAsync"], WholeApi.ClientMethods(run, "Groups.GroupsClient").Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Groups_named_like_the_client_s_own_fields_compile()
    {
        // Airflow's tags include connection: its sub-client's field must not be the client's _connection.
        var run = Run(Operation("/connections", "listConnections", "connection") + Operation("/json", "getJson", "json") + Operation("/pets", "listPets", "pets"));

        WholeApi.CompilesCleanly(run);
        Assert.Equal(["Connection.ListConnectionsAsync", "Json.GetJsonAsync", "Pets.ListPetsAsync"], WholeApi.ClientMethods(run, "Groups.GroupsClient").Order(StringComparer.Ordinal));
    }

    [Fact]
    public void A_schema_keeps_its_name_and_the_group_s_class_is_numbered()
    {
        // Component names are claimed first, used or not, so a type's name never depends on which operations use it.
        var run = Run(Operation("/pets", "listPets", "pets") + Operation("/stores", "listStores", "stores")
            + "components:\n  schemas:\n    PetsClient: {type: object, properties: {name: {type: string}}}\n    IStoresClient: {type: object, properties: {name: {type: string}}}\n");

        WholeApi.CompilesCleanly(run);
        var root = run.Output.GetTypeByMetadataName("Groups.GroupsClient")!;
        Assert.Equal("PetsClient2", root.GetTypeMembers().Single(t => t.Name.StartsWith("Pets", StringComparison.Ordinal)).Name);
        Assert.Equal("StoresClient2", root.GetTypeMembers().Single(t => t.Name.StartsWith("Stores", StringComparison.Ordinal)).Name);
    }
}
