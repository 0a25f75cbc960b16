package org.planledger.web.security;

import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The roles of the service (see docs/security.md). A role is granted as the authority {@code ROLE_<name>}; a chair
 * also gets {@code CHAIR_OF:<bodyId>} for the body it chairs. Tokens and demo accounts name roles the same way:
 * {@code SECRETARIAT}, {@code AUDITOR}, {@code CHAIR:<bodyId>}.
 */
public final class Roles {

    public static final String SECRETARIAT = "SECRETARIAT";
    public static final String AUDITOR = "AUDITOR";
    public static final String CHAIR = "CHAIR";
    private static final String CHAIR_OF = "CHAIR_OF:";
    private static final Pattern BODY = Pattern.compile("[a-z0-9]+(-[a-z0-9]+)*");

    private Roles() {
    }

    /** The authorities for role names as tokens carry them; anything unrecognised grants nothing. */
    public static List<GrantedAuthority> authorities(Collection<String> roles) {
        List<GrantedAuthority> authorities = new ArrayList<>();
        for (String role : roles) {
            if (role.equals(SECRETARIAT) || role.equals(AUDITOR)) {
                authorities.add(new SimpleGrantedAuthority("ROLE_" + role));
            } else if (role.startsWith(CHAIR + ":") && BODY.matcher(role.substring(CHAIR.length() + 1)).matches()) {
                authorities.add(new SimpleGrantedAuthority("ROLE_" + CHAIR));
                authorities.add(new SimpleGrantedAuthority(CHAIR_OF + role.substring(CHAIR.length() + 1)));
            }
        }
        return authorities;
    }

    /** The body an authenticated chair acts for; empty for anyone else. */
    public static Optional<String> chairOf(Authentication authentication) {
        return authentication == null ? Optional.empty() : authentication.getAuthorities().stream()
                .map(GrantedAuthority::getAuthority)
                .filter(authority -> authority.startsWith(CHAIR_OF))
                .map(authority -> authority.substring(CHAIR_OF.length()))
                .findFirst();
    }

    public static boolean has(Authentication authentication, String role) {
        return authentication != null && authentication.getAuthorities().stream()
                .anyMatch(authority -> authority.getAuthority().equals("ROLE_" + role));
    }

    static boolean isBodyId(String text) {
        return BODY.matcher(text).matches();
    }
}
