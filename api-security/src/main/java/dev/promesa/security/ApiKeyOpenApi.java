package dev.promesa.security;

import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.Components;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.security.SecurityScheme;

import io.quarkus.smallrye.openapi.OpenApiFilter;

/**
 * Declares the {@code X-Api-Key} scheme in each service's OpenAPI document and requires it for every operation, so
 * Swagger UI (under {@code /q}, open) offers "Authorize" and sends the key on "Try it out".
 */
@OpenApiFilter(OpenApiFilter.RunStage.BUILD)
public class ApiKeyOpenApi implements OASFilter {
    static final String SCHEME = "apiKey";

    @Override
    public void filterOpenAPI(OpenAPI openAPI) {
        if (openAPI.getComponents() == null) {
            openAPI.setComponents(OASFactory.createComponents());
        }
        Components components = openAPI.getComponents();
        if (components.getSecuritySchemes() == null || !components.getSecuritySchemes().containsKey(SCHEME)) {
            components.addSecurityScheme(SCHEME, OASFactory.createSecurityScheme()
                    .type(SecurityScheme.Type.APIKEY).in(SecurityScheme.In.HEADER).name(ApiKeyFilter.HEADER)
                    .description("The key issued to you; it decides the source. Health, metrics and this document "
                            + "need none."));
        }
        if (openAPI.getSecurity() == null || openAPI.getSecurity().isEmpty()) {
            openAPI.addSecurityRequirement(OASFactory.createSecurityRequirement().addScheme(SCHEME));
        }
    }
}
