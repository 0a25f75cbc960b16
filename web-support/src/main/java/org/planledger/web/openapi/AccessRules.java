package org.planledger.web.openapi;

import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import org.planledger.web.security.Roles;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.authority.AuthorityUtils;
import org.springframework.security.web.access.WebInvocationPrivilegeEvaluator;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Who may call each operation, as the service's own security rules decide: each operation's path and method are put
 * to them for an anonymous caller and for each role, so the description cannot drift from the rules. An operation
 * an anonymous caller may use has no security requirement; any other takes a bearer token or, where the demo
 * accounts exist, HTTP Basic, and says which roles may use it.
 */
final class AccessRules {

    static final String BEARER = "bearer";
    static final String BASIC = "basic";

    private static final Authentication ANONYMOUS = new AnonymousAuthenticationToken("openapi", "anonymous",
            AuthorityUtils.createAuthorityList("ROLE_ANONYMOUS"));
    private static final Map<String, Authentication> ROLES = new LinkedHashMap<>();

    static {
        ROLES.put(Roles.SECRETARIAT, signedIn(Roles.SECRETARIAT));
        ROLES.put(Roles.AUDITOR, signedIn(Roles.AUDITOR));
        ROLES.put(Roles.CHAIR, signedIn(Roles.CHAIR + ":a-body"));
    }

    private final WebInvocationPrivilegeEvaluator access;
    private final boolean passwords;

    AccessRules(WebInvocationPrivilegeEvaluator access, boolean passwords) {
        this.access = access;
        this.passwords = passwords;
    }

    void addSchemes(OpenAPI openApi) {
        openApi.getComponents().addSecuritySchemes(BEARER, new SecurityScheme().type(SecurityScheme.Type.HTTP)
                .scheme("bearer").bearerFormat("JWT")
                .description("A token from the organisation's identity provider; its roles claim names the roles"));
        if (passwords) {
            openApi.getComponents().addSecuritySchemes(BASIC, new SecurityScheme().type(SecurityScheme.Type.HTTP)
                    .scheme("basic").description("A demo account (local profile only): secretariat, auditor or "
                            + "chair-<bodyId>"));
        }
    }

    /** Sets the operation's security requirement; answers whether it has one. */
    boolean apply(String path, String method, Operation operation) {
        String uri = path.replaceAll("\\{[^}/]+}", "x");
        if (access.isAllowed("", uri, method, ANONYMOUS)) {
            operation.setSecurity(List.of());
            return false;
        }
        List<SecurityRequirement> requirements = new ArrayList<>();
        requirements.add(new SecurityRequirement().addList(BEARER));
        if (passwords) {
            requirements.add(new SecurityRequirement().addList(BASIC));
        }
        operation.setSecurity(requirements);
        List<String> roles = ROLES.entrySet().stream()
                .filter(role -> access.isAllowed("", uri, method, role.getValue()))
                .map(Map.Entry::getKey).toList();
        String who = "Signed in with the role " + (roles.isEmpty() ? "(none: no role may call it)"
                : String.join(" or ", roles)) + ".";
        if (operation.getDescription() == null) {
            operation.setDescription(who);
        } else if (!operation.getDescription().endsWith(who)) {
            operation.setDescription(operation.getDescription() + "\n\n" + who);
        }
        return true;
    }

    private static Authentication signedIn(String role) {
        return UsernamePasswordAuthenticationToken.authenticated("openapi", null, Roles.authorities(List.of(role)));
    }
}
