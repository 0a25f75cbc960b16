package org.planledger.web.security;

import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.authentication.WebAuthenticationDetails;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.HexFormat;

/**
 * Signing in with a name and a password, however they are presented (HTTP Basic today; a sign-in form would go
 * through here too), limited by the {@link SignInThrottle}: a name or address already refused is refused without its
 * password being checked, and an attempt's outcome is withheld if the limit was reached while it was checked.
 */
final class PasswordSignIn implements AuthenticationProvider {

    private final AuthenticationProvider passwords;
    private final SignInThrottle throttle;

    PasswordSignIn(AuthenticationProvider passwords, SignInThrottle throttle) {
        this.passwords = passwords;
        this.throttle = throttle;
    }

    @Override
    public Authentication authenticate(Authentication attempt) {
        String name = attempt.getName();
        String address = address(attempt);
        throttle.admit(name, address);
        Authentication signedIn;
        try {
            signedIn = passwords.authenticate(attempt);
        } catch (AuthenticationException wrong) {
            throttle.settle(name, address, false);
            throw wrong;
        }
        throttle.settle(name, address, true);
        return signedIn;
    }

    @Override
    public boolean supports(Class<?> authentication) {
        return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
    }

    /**
     * The client's address as the connection gives it (see docs/security.md on proxies). An IPv6 client is counted
     * by its /64 network, the smallest block one is usually given, so it cannot take a fresh address per guess.
     */
    static String address(Authentication attempt) {
        String address = attempt.getDetails() instanceof WebAuthenticationDetails details ? details.getRemoteAddress() : null;
        if (address == null) {
            return "unknown";
        }
        if (address.indexOf(':') >= 0) {
            try {
                // A literal address: parsed, never looked up.
                byte[] bytes = InetAddress.getByName(address).getAddress();
                if (bytes.length == 16) {
                    return HexFormat.of().formatHex(bytes, 0, 8) + "::/64";
                }
            } catch (UnknownHostException e) {
                return address;
            }
        }
        return address;
    }
}
