using Specgen.Generator.Model;

namespace Specgen.Generator.Emitting;

/// <summary>
/// <c>services.Add{Client}(…)</c>, emitted only when the project references Microsoft.Extensions.Http:
/// registers the client as a typed HttpClient through IHttpClientFactory and returns the builder, so
/// the caller can add handlers (Polly, logging) the usual way. The primary handler does not follow
/// redirects: the client does, keeping credentials to the server they are for.
/// </summary>
internal static class DependencyInjectionEmitter
{
    /// <param name="spec">The spec's model.</param>
    /// <param name="httpClientFactoryVersion">The major version of Microsoft.Extensions.Http the project references.</param>
    public static GeneratedFile Emit(SpecModel spec, int httpClientFactoryVersion)
    {
        var writer = CSharp.NewFile(spec.Namespace);
        var client = spec.ClientName;
        const string Services = "global::Microsoft.Extensions.DependencyInjection.IServiceCollection";
        const string Builder = "global::Microsoft.Extensions.DependencyInjection.IHttpClientBuilder";
        var optionsType = spec.Security.OptionsName is { } own ? CSharp.TypeName(TypeRef.Named(own), spec.Namespace) : CSharp.Runtime + ".ApiClientOptions";

        writer.Line($"/// <summary>Registers <see cref=\"{client}\"/> with dependency injection.</summary>");
        writer.Line(CSharp.GeneratedCodeAttribute);
        using (writer.Block($"{spec.Accessibility} static class {client}ServiceCollectionExtensions"))
        {
            writer.Lines($"""
                /// <summary>
                /// Registers <see cref="I{client}"/> as a typed HttpClient (IHttpClientFactory manages its handlers).
                /// </summary>
                /// <param name="services">The service collection.</param>
                /// <param name="configure">Sets the token, base address, retries and validation; it may read other services.</param>
                /// <returns>The HttpClient builder, to add handlers or configure the primary handler.</returns>
                """);
            using (writer.Block($"public static {Builder} Add{client}(this {Services} services, global::System.Action<global::System.IServiceProvider, {optionsType}>? configure = null)"))
            {
                writer.Line($"var builder = global::Microsoft.Extensions.DependencyInjection.HttpClientFactoryServiceCollectionExtensions.AddHttpClient<I{client}, {client}>(services, (httpClient, serviceProvider) =>");
                writer.Line("{");
                writer.Line($"    var options = new {optionsType}();");
                writer.Line("    configure?.Invoke(serviceProvider, options);");
                writer.Line($"    return new {client}(httpClient, options);");
                writer.Line("});");
                writer.Line();
                writer.Line("// HttpClient's own following would send API keys and cookies to whatever host a redirect names.");
                const string Extensions = "global::Microsoft.Extensions.DependencyInjection.HttpClientBuilderExtensions";

                // Version 8 configures the primary handler the factory (or ConfigureHttpClientDefaults)
                // made; older ones can only replace it, and their default is an HttpClientHandler.
                writer.Line(httpClientFactoryVersion >= 8
                    ? $"return {Extensions}.ConfigurePrimaryHttpMessageHandler(builder, static (handler, _) => {CSharp.Infrastructure}.Redirects.LeaveToClient(handler));"
                    : $"return {Extensions}.ConfigurePrimaryHttpMessageHandler(builder, static () => new global::System.Net.Http.HttpClientHandler {{ AllowAutoRedirect = false }});");
            }

            writer.Line();
            writer.Lines($"""
                /// <summary>Registers <see cref="I{client}"/> as a typed HttpClient.</summary>
                /// <param name="services">The service collection.</param>
                /// <param name="configure">Sets the token, base address, retries and validation.</param>
                /// <returns>The HttpClient builder, to add handlers or configure the primary handler.</returns>
                """);
            writer.Line($"public static {Builder} Add{client}(this {Services} services, global::System.Action<{optionsType}> configure) =>");
            writer.Line($"    Add{client}(services, (_, options) => configure(options));");
        }

        return new GeneratedFile($"{spec.HintPrefix}.{client}.DependencyInjection.g.cs", CSharp.EndFile(writer));
    }
}
