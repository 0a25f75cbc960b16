package org.planledger.web.security;

import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.dao.DaoAuthenticationProvider;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.security.crypto.password.PasswordEncoder;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;

/**
 * The accounts for trying the service locally: {@code secretariat}, {@code auditor}, and {@code chair-<bodyId>}
 * for any body, all with one password. Only the {@code local} profile (what ./run.sh uses) creates them; a
 * deployment authenticates with tokens from its identity provider instead.
 * <p>
 * Not a {@code UserDetailsService} bean on purpose: Spring Security would then also build a global sign-in of its
 * own around it, unthrottled and with a slower check for unknown names, and consult it after a refusal here.
 */
public final class DemoAccounts {

    private static final PasswordEncoder PASSWORDS = new DigestComparison();

    private final String password;

    public DemoAccounts(String password) {
        if (password == null || password.isEmpty()) {
            throw new IllegalArgumentException("the demo accounts need a password (DEMO_PASSWORD)");
        }
        this.password = PASSWORDS.encode(password);
    }

    /**
     * Signing in with a demo account, limited by {@code throttle}. A name no account has costs what a wrong password
     * costs: Spring Security then checks the password against a stand-in made by the same encoder.
     */
    public AuthenticationProvider signIn(SignInThrottle throttle) {
        DaoAuthenticationProvider passwords = new DaoAuthenticationProvider(this::account);
        passwords.setPasswordEncoder(PASSWORDS);
        return new PasswordSignIn(passwords, throttle);
    }

    UserDetails account(String username) {
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

    /**
     * Compares SHA-256 digests in constant time. Not a slow hash: the password is in the environment in plain text
     * anyway, HTTP Basic checks it on every request, and the throttle is what bounds guessing (docs/decisions.md).
     */
    private static final class DigestComparison implements PasswordEncoder {
        @Override
        public String encode(CharSequence raw) {
            return HexFormat.of().formatHex(digest(raw));
        }

        @Override
        public boolean matches(CharSequence raw, String encoded) {
            return raw != null && encoded != null && MessageDigest.isEqual(digest(raw), HexFormat.of().parseHex(encoded));
        }

        private static byte[] digest(CharSequence text) {
            try {
                return MessageDigest.getInstance("SHA-256").digest(text.toString().getBytes(StandardCharsets.UTF_8));
            } catch (NoSuchAlgorithmException e) {
                throw new IllegalStateException(e);
            }
        }
    }
}
