package org.planledger.web.security;

import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.source.ImmutableJWKSet;
import org.springframework.boot.resttestclient.autoconfigure.RestTestClientBuilderCustomizer;
import org.springframework.http.HttpHeaders;
import org.springframework.security.oauth2.jwt.JwtClaimsSet;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtEncoderParameters;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.springframework.security.oauth2.jwt.NimbusJwtEncoder;

import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.security.interfaces.RSAPrivateKey;
import java.security.interfaces.RSAPublicKey;
import java.time.Instant;
import java.util.Base64;
import java.util.List;

/**
 * How the services' tests sign in: HTTP Basic with a demo account (password {@value #PASSWORD}), or a bearer token
 * signed by a key pair made for the test run, as an identity provider would issue it.
 */
public final class TestIdentities {

    public static final String PASSWORD = "demo";
    private static final KeyPair KEYS = keyPair();

    private TestIdentities() {
    }

    /** The Authorization header for a demo account. */
    public static String basic(String user) {
        return "Basic " + Base64.getEncoder().encodeToString((user + ":" + PASSWORD).getBytes(StandardCharsets.UTF_8));
    }

    /** Makes a test context's HTTP client sign in as {@code user} unless a request says otherwise. */
    public static RestTestClientBuilderCustomizer signedInAs(String user) {
        return builder -> builder.defaultHeader(HttpHeaders.AUTHORIZATION, basic(user));
    }

    /** The decoder that trusts this run's tokens, as a deployment's issuer configuration would. */
    public static JwtDecoder decoder() {
        return NimbusJwtDecoder.withPublicKey((RSAPublicKey) KEYS.getPublic()).build();
    }

    /** The Authorization header for a token naming {@code subject} with {@code roles} in claim {@code claim}. */
    public static String bearer(String subject, String claim, List<String> roles) {
        RSAKey key = new RSAKey.Builder((RSAPublicKey) KEYS.getPublic()).privateKey((RSAPrivateKey) KEYS.getPrivate()).build();
        NimbusJwtEncoder encoder = new NimbusJwtEncoder(new ImmutableJWKSet<>(new JWKSet(key)));
        Instant now = Instant.now();
        JwtClaimsSet claims = JwtClaimsSet.builder().subject(subject).issuer("https://idp.example.test")
                .issuedAt(now).expiresAt(now.plusSeconds(600)).claim(claim, roles).build();
        return "Bearer " + encoder.encode(JwtEncoderParameters.from(claims)).getTokenValue();
    }

    private static KeyPair keyPair() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            return generator.generateKeyPair();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
