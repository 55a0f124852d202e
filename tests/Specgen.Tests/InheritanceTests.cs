using Specgen.Runtime;
using Specgen.Tests.Infrastructure;
using Xunit;

namespace Specgen.Tests;

/// <summary>
/// A base with a discriminator and subtypes that allOf it (inheritance.yaml) is a hierarchy of records:
/// reading a base-typed value gives the subtype its discriminator names, through several levels; a
/// value no type claims reads as the base and loses nothing; each type sends its own discriminator.
/// </summary>
public class InheritanceTests
{
    private static readonly Lazy<CompiledSpec> Spec = new(() => CompiledSpec.Compile("inheritance.yaml"));

    [Theory]
    [InlineData("Dog", "Pet", false)]
    [InlineData("Cat", "Pet", true)]
    [InlineData("Puppy", "Dog", true)]
    [InlineData("Circle", "Shape", true)]
    [InlineData("Square", "Shape", true)]
    [InlineData("Pet", "ApiRecord", false)]
    [InlineData("Shape", "ApiRecord", false)]
    public void Subtypes_derive_from_their_base_and_only_leaves_are_sealed(string type, string baseName, bool isSealed)
    {
        var generated = Spec.Value.Type(type);

        Assert.Equal(baseName, generated.BaseType!.Name);
        Assert.Equal(isSealed, generated.IsSealed);
        Assert.False(generated.IsAbstract);
    }

    [Fact]
    public void Dog_declares_only_its_own_members_and_inherits_the_rest()
    {
        var dog = Spec.Value.Type("Dog");

        Assert.Equal(["Bark", "Tags"], dog.GetProperties(System.Reflection.BindingFlags.Public | System.Reflection.BindingFlags.Instance | System.Reflection.BindingFlags.DeclaredOnly).Select(p => p.Name).Where(n => n != "EqualityContract").Order());
        Assert.NotNull(dog.GetProperty("Name"));
    }

    [Fact]
    public void A_base_typed_value_reads_as_the_subtype_its_discriminator_names_through_every_level_and_an_unknown_one_loses_nothing()
    {
        // (Members are written in the spec's order, inherited ones first.)
        const string json = """{"pets":[{"petType":"dog","name":"Rex","bark":true},{"petType":"cat","name":"Tom","lives":9},{"petType":"puppy","name":"Bit","tags":["small"],"ageWeeks":8},{"petType":"Hamster","name":"Ham","wheel":true}],"favourite":{"petType":"cat","name":"Tom","lives":9},"dog":{"petType":"dog","name":"Rex"},"shapes":[{"kind":"Circle","radius":2},{"kind":"Square"},{"kind":"Hexagon","sides":6}]}""";

        var owner = Spec.Value.Read("Owner", json);

        var pets = ((System.Collections.IEnumerable)CompiledSpec.Get(owner, "Pets")!).Cast<object>().ToList();
        Assert.Equal(["Dog", "Cat", "Puppy", "Pet"], pets.Select(p => p.GetType().Name));
        Assert.Equal(8L, CompiledSpec.Get(pets[2], "AgeWeeks"));
        Assert.Equal("Bit", CompiledSpec.Get(pets[2], "Name"));
        Assert.Equal("Hamster", CompiledSpec.Get(pets[3], "PetType"));
        Assert.True(((IDictionary<string, System.Text.Json.JsonElement>)CompiledSpec.Get(pets[3], "AdditionalProperties")!).ContainsKey("wheel"));
        Assert.Equal("Cat", CompiledSpec.Get(owner, "Favourite")!.GetType().Name);
        var shapes = ((System.Collections.IEnumerable)CompiledSpec.Get(owner, "Shapes")!).Cast<object>();
        Assert.Equal(["Circle", "Square", "Shape"], shapes.Select(s => s.GetType().Name));

        Assert.Equal(json, Spec.Value.Write("Owner", owner));
    }

    [Fact]
    public void Each_type_sends_the_discriminator_value_that_means_it()
    {
        var puppy = New("Puppy", ("Name", "Bit"), ("AgeWeeks", (long?)8));
        var circle = New("Circle", ("Radius", (double?)2));
        var square = New("Square");

        Assert.Equal("""{"petType":"puppy","name":"Bit","ageWeeks":8}""", Spec.Value.Write("Pet", puppy));
        Assert.Equal("""{"kind":"Circle","radius":2}""", Spec.Value.Write("Shape", circle));
        Assert.Equal("""{"kind":"Square"}""", Spec.Value.Write("Square", square));
        Assert.Equal("Puppy", Spec.Value.Read("Pet", Spec.Value.Write("Pet", puppy)).GetType().Name);
    }

    [Fact]
    public void A_subtype_missing_a_required_member_still_reads_and_only_that_member_refuses()
    {
        var cat = Spec.Value.Read("Pet", """{"petType":"cat","name":"Tom"}""");

        Assert.Equal("Cat", cat.GetType().Name);
        Assert.Equal("Tom", CompiledSpec.Get(cat, "Name"));
        var error = Assert.Throws<System.Reflection.TargetInvocationException>(() => CompiledSpec.Get(cat, "Lives"));
        Assert.IsType<MemberUnavailableException>(error.InnerException);
        Assert.Contains("Name = Tom", cat.ToString(), StringComparison.Ordinal);
        Assert.Contains("Lives = ", cat.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void A_hierarchy_can_be_switched_over_in_CSharp()
    {
        const string user = """
            namespace Fixture;
            public static class Use
            {
                public static string Say(Pet pet) => pet switch
                {
                    Puppy puppy => "puppy " + puppy.AgeWeeks,
                    Dog dog => "dog " + dog.Bark,
                    Cat cat => "cat " + cat.Lives,
                    _ => "some " + pet.PetType,
                };

                public static Pet Make() => new Dog { Name = "Rex", Bark = true };
            }
            """;
        var run = GeneratorHarness.Run([CompiledSpec.Fixture("inheritance.yaml")], user);

        Assert.Empty(run.CompileDiagnostics());
    }

    [Fact]
    public async Task A_subtype_is_sent_as_itself_and_the_answer_read_as_its_subtype()
    {
        await using var server = await ScriptedServer.StartAsync((context, _) => ScriptedServer.Reply(context, 201,
            """{"petType":"dog","name":"Rex","bark":true,"id":"p1"}""", ("Content-Type", "application/json")));
        var client = Activator.CreateInstance(Spec.Value.Type("ZooClient"), new HttpClient { BaseAddress = server.BaseAddress }, new ApiClientOptions())!;

        var stored = await CompiledSpec.CallAsync(client, "AddPetAsync", New("Dog", ("Name", "Rex"), ("Bark", (bool?)true)), CancellationToken.None);

        Assert.Equal("""{"petType":"dog","name":"Rex","bark":true}""", Assert.Single(server.Requests).Body);
        Assert.Equal("Dog", stored!.GetType().Name);
    }

    [Fact]
    public async Task A_subtype_s_inherited_constraints_are_checked_before_sending()
    {
        await using var server = await ScriptedServer.StartAsync((context, _) => ScriptedServer.Reply(context, 201, "{}", ("Content-Type", "application/json")));
        var client = Activator.CreateInstance(Spec.Value.Type("ZooClient"), new HttpClient { BaseAddress = server.BaseAddress }, new ApiClientOptions())!;

        var error = await Assert.ThrowsAnyAsync<Exception>(() => CompiledSpec.CallAsync(client, "AddPetAsync", New("Puppy", ("Name", "")), CancellationToken.None));

        Assert.Contains("name", error.Message, StringComparison.Ordinal);
        Assert.Empty(server.Requests);
    }

    [Fact]
    public void Subtypes_compare_by_content_their_own_members_included_and_hash_alike()
    {
        // A record's equality is what its converter writes: the base's converter writes a subtype whole, its list too.
        const string rex = """{"petType":"dog","name":"Rex","tags":["a","b"]}""";
        var first = Spec.Value.Read("Pet", rex);
        var second = Spec.Value.Read("Pet", rex);
        var other = Spec.Value.Read("Pet", """{"petType":"dog","name":"Rex","tags":["a","c"]}""");

        Assert.Equal("Dog", first.GetType().Name);
        Assert.NotSame(first, second);
        Assert.True(first.Equals(second));
        Assert.Equal(first.GetHashCode(), second.GetHashCode());
        Assert.Single(new HashSet<object> { first, second });
        Assert.False(first.Equals(other));
        Assert.Equal(2, new HashSet<object> { first, other }.Count);
        // A dog built in code equals the one read when it would write the same JSON.
        var built = New("Dog", ("Name", "Rex"), ("Tags", new List<string> { "a", "b" }));
        Assert.True(built.Equals(first), $"{built} should equal {first}");
    }

    [Fact]
    public void A_copy_made_with_with_changes_without_changing_the_original_at_any_level()
    {
        var rex = Spec.Value.Read("Pet", """{"petType":"dog","name":"Rex","tags":["a"]}""");

        // value with { Name = …, Tags = … }: the record's clone, then the init accessors (a base's member and the subtype's own).
        var copy = rex.GetType().GetMethod("<Clone>$")!.Invoke(rex, null)!;
        copy.GetType().GetProperty("Name")!.SetValue(copy, "Max");
        copy.GetType().GetProperty("Tags")!.SetValue(copy, new List<string> { "b" });

        Assert.Equal("Dog", copy.GetType().Name);
        Assert.Equal("""{"petType":"dog","name":"Rex","tags":["a"]}""", Spec.Value.Write("Pet", rex));
        Assert.Equal("""{"petType":"dog","name":"Max","tags":["b"]}""", Spec.Value.Write("Pet", copy));
    }

    private static object New(string type, params (string Property, object? Value)[] members) => Spec.Value.New(type, members);
}
