package org.planledger.web.openapi;

import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.media.ObjectSchema;
import org.planledger.web.security.SignInMethods;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springdoc.core.utils.SpringDocUtils;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.ApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.web.access.WebInvocationPrivilegeEvaluator;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;
import tools.jackson.databind.JsonNode;

/**
 * Keeps each service's OpenAPI description (springdoc, OpenAPI 3.0) true to what the service does, from what it
 * already knows rather than from a second copy: the error answers every operation can give ({@link ErrorAnswers}),
 * who may call it as the security rules decide ({@link AccessRules}), and which fields may be null and which schema
 * is which class ({@link JavaTypes}). Operation ids, success answers and the errors peculiar to one service are
 * annotations on the controllers.
 */
@Configuration(proxyBeanMethods = false)
public class ApiDescription {

    static {
        // Free-form JSON (a change's before and after) is an object with any members, not Jackson's node classes.
        SpringDocUtils.getConfig().replaceWithSchema(JsonNode.class, new ObjectSchema().additionalProperties(true));
    }

    @Bean
    OpenApiCustomizer truthfulDescription(ApplicationContext context, ObjectProvider<SignInMethods> signIn,
                                          ObjectProvider<WebInvocationPrivilegeEvaluator> access) {
        return openApi -> describe(openApi, context.getBean("requestMappingHandlerMapping",
                RequestMappingHandlerMapping.class), access.getObject(), signIn.getObject());
    }

    static void describe(OpenAPI openApi, RequestMappingHandlerMapping mappings, WebInvocationPrivilegeEvaluator access,
                         SignInMethods signIn) {
        JavaTypes.of(mappings).describe(openApi);
        boolean passwords = signIn.demo() != null;
        AccessRules rules = new AccessRules(access, passwords);
        rules.addSchemes(openApi);
        ErrorAnswers.addProblem(openApi);
        openApi.getPaths().forEach((path, item) -> item.readOperationsMap().forEach((method, operation) -> {
            boolean secured = rules.apply(path, method.name(), operation);
            ErrorAnswers.add(operation, path, method.name(), secured, passwords);
        }));
    }
}
