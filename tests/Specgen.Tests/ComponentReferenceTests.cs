using System.Reflection;
using Specgen.Tests.Infrastructure;
using Xunit;

namespace Specgen.Tests;

/// <summary>
/// Bodies, responses and parameters reached through <c>$ref</c>s into <c>components/requestBodies</c>,
/// <c>components/responses</c> and <c>components/parameters</c>: each operation gets the types its own
/// component describes (they once all collapsed into the first operation's request type).
/// </summary>
public class ComponentReferenceTests
{
    private static readonly Lazy<CompiledSpec> Spec = new(() => CompiledSpec.Compile("component-bodies.yaml"));

    private static MethodInfo Method(string name) =>
        Spec.Value.Type("ComponentsClient").GetMethod(name) ?? throw new InvalidOperationException(name);

    private static Type PropertyType(Type type, string name) =>
        type.GetProperty(name)?.PropertyType ?? throw new InvalidOperationException(type.Name + "." + name);

    [Theory]
    [InlineData("CreateAAsync", "CreateARequest", "CreateAResponse")]
    [InlineData("CreateBAsync", "CreateBRequest", "CreateBResponse")]
    public void Each_operation_takes_and_returns_its_own_component_types(string method, string request, string response)
    {
        var info = Method(method);

        Assert.Equal(Spec.Value.Type(request), info.GetParameters()[0].ParameterType);
        Assert.Equal(typeof(Specgen.Runtime.ApiCall<>).MakeGenericType(Spec.Value.Type(response)), info.ReturnType);
    }

    [Fact]
    public void Nested_inline_objects_are_typed_from_their_own_schema()
    {
        var owner = PropertyType(Spec.Value.Type("CreateARequest"), "Owner");
        var createdBy = PropertyType(Spec.Value.Type("CreateAResponse"), "CreatedBy");

        Assert.NotNull(owner.GetProperty("Email"));
        Assert.NotNull(createdBy.GetProperty("Login"));
        Assert.NotEqual(owner, createdBy);
        Assert.Equal(typeof(long), PropertyType(Spec.Value.Type("CreateBRequest"), "Count"));
        Assert.Equal(typeof(IReadOnlyList<string>), PropertyType(Spec.Value.Type("CreateBRequest"), "Tags"));
        Assert.Equal(typeof(double?), PropertyType(Spec.Value.Type("CreateBResponse"), "Total"));
    }

    [Fact]
    public void Parameters_through_references_get_their_own_enums()
    {
        var mode = Method("CreateAAsync").GetParameters().Single(p => p.Name == "mode").ParameterType;
        var order = Method("CreateBAsync").GetParameters().Single(p => p.Name == "order").ParameterType;

        Assert.NotEqual(mode, order);
        Assert.Contains(Nullable.GetUnderlyingType(mode)!.GetProperties(BindingFlags.Public | BindingFlags.Static), p => p.Name == "Fast");
        Assert.Contains(Nullable.GetUnderlyingType(order)!.GetProperties(BindingFlags.Public | BindingFlags.Static), p => p.Name == "Desc");
    }
}
