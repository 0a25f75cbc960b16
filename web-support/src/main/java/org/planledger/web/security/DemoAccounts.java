package org.planledger.web.security;

import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;

import java.util.List;

/**
 * The accounts for trying the service locally: {@code secretariat}, {@code auditor}, and {@code chair-<bodyId>}
 * for any body, all with one password. Only the {@code local} profile (what ./run.sh uses) creates them; a
 * deployment authenticates with tokens from its identity provider instead.
 */
public final class DemoAccounts implements UserDetailsService {

    private final String password;

    public DemoAccounts(String password) {
        if (password == null || password.isEmpty()) {
            throw new IllegalArgumentException("the demo accounts need a password (DEMO_PASSWORD)");
        }
        // Demo accounts only: compared as given, so a request does not pay for a slow hash on every call.
        this.password = "{noop}" + password;
    }

    @Override
    public UserDetails loadUserByUsername(String username) {
        List<String> roles;
        if (username.equals("secretariat")) {
            roles = List.of(Roles.SECRETARIAT);
        } else if (username.equals("auditor")) {
            roles = List.of(Roles.AUDITOR);
        } else if (username.startsWith("chair-") && Roles.isBodyId(username.substring("chair-".length()))) {
            roles = List.of(Roles.CHAIR + ":" + username.substring("chair-".length()));
        } else {
            throw new UsernameNotFoundException("no demo account " + username);
        }
        return User.withUsername(username).password(password).authorities(Roles.authorities(roles)).build();
    }
}
