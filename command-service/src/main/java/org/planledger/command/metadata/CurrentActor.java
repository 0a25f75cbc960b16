package org.planledger.command.metadata;

import jakarta.servlet.http.HttpServletRequest;
import org.planledger.web.security.Roles;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Component;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

import java.security.Principal;
import java.util.Optional;

/** The one place that reads who is acting: the authenticated principal of the current HTTP request. */
@Component
public class CurrentActor {

    /** The actor of a request that carries no authenticated principal. */
    public static final String ANONYMOUS = "anonymous";

    /**
     * The principal's name inside an HTTP request (or {@value #ANONYMOUS}); empty outside one, where only the
     * service's own code (such as the seed importer) dispatches commands.
     */
    public Optional<String> name() {
        return currentRequest().map(request -> {
            Principal principal = request.getUserPrincipal();
            return principal == null ? ANONYMOUS : principal.getName();
        });
    }

    /** The body the signed-in chair acts for, if the actor is a chair (see Roles). */
    public Optional<String> chairOf() {
        return currentRequest().map(HttpServletRequest::getUserPrincipal)
                .filter(Authentication.class::isInstance)
                .flatMap(principal -> Roles.chairOf((Authentication) principal));
    }

    /** The current HTTP request, if this thread is serving one. */
    public Optional<HttpServletRequest> currentRequest() {
        return RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes attributes
                ? Optional.of(attributes.getRequest())
                : Optional.empty();
    }
}
