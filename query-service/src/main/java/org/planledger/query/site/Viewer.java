package org.planledger.query.site;

import org.planledger.web.security.Roles;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;

/**
 * Who is looking at a page, and so which parts of it (forms, staff sections) to show. The pages' one reader of the
 * principal; what a role may actually do is decided by the security rules and, for commands, by the command service.
 */
public record Viewer(String name, boolean secretariat, boolean auditor, String chairOf) {

    public static final Viewer ANONYMOUS = new Viewer(null, false, false, null);

    public static Viewer current() {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        if (authentication == null || !authentication.isAuthenticated()
                || authentication instanceof AnonymousAuthenticationToken) {
            return ANONYMOUS;
        }
        return new Viewer(authentication.getName(), Roles.has(authentication, Roles.SECRETARIAT),
                Roles.has(authentication, Roles.AUDITOR), Roles.chairOf(authentication).orElse(null));
    }

    public boolean signedIn() {
        return name != null;
    }

    /** Secretariat, auditors and chairs: who may read meetings, decisions and accountability. */
    public boolean staff() {
        return secretariat || auditor || chairOf != null;
    }

    /** Whether the viewer may record progress on an action its owner body holds. */
    public boolean mayRecordProgress(String ownerBodyId) {
        return secretariat || (chairOf != null && chairOf.equals(ownerBodyId));
    }
}
