package io.collectivepulse.teams;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.security.interfaces.RSAPrivateKey;
import java.security.interfaces.RSAPublicKey;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A Bot Connector signing key: an RSA key pair with a key id and Bot Framework endorsements, which signs
 * tokens the way the Bot Connector does (RS256, {@code kid} in the header) and can be published as a JWK.
 */
final class ConnectorKey {
    static final String ISSUER = "https://api.botframework.com";
    private static final ObjectMapper JSON = new ObjectMapper();

    private final RSAKey key;
    private final List<String> endorsements;

    ConnectorKey(String keyId, List<String> endorsements) {
        KeyPair pair = rsaKeyPair();
        this.key = new RSAKey.Builder((RSAPublicKey) pair.getPublic())
                .privateKey((RSAPrivateKey) pair.getPrivate())
                .keyID(keyId)
                .keyUse(KeyUse.SIGNATURE)
                .algorithm(JWSAlgorithm.RS256)
                .build();
        this.endorsements = List.copyOf(endorsements);
    }

    /** Another RSA key under the same key id: what a forger who read the published keys would hold. */
    ConnectorKey impostor() {
        return new ConnectorKey(key.getKeyID(), endorsements);
    }

    /** The public key as the Bot Framework publishes it: a JWK with an {@code endorsements} member. */
    String jwk() {
        Map<String, Object> jwk = new LinkedHashMap<>(key.toPublicJWK().toJSONObject());
        jwk.put("endorsements", endorsements);
        try {
            return JSON.writeValueAsString(jwk);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The claims of a token the Bot Connector sends: valid from a minute ago for an hour. */
    static JWTClaimsSet.Builder claims(String audience, String serviceUrl) {
        Instant now = Instant.now();
        return new JWTClaimsSet.Builder()
                .issuer(ISSUER)
                .audience(audience)
                .claim("serviceurl", serviceUrl)
                .issueTime(Date.from(now.minus(Duration.ofMinutes(1))))
                .notBeforeTime(Date.from(now.minus(Duration.ofMinutes(1))))
                .expirationTime(Date.from(now.plus(Duration.ofHours(1))));
    }

    /** The Authorization header carrying these claims signed by this key. */
    String bearer(JWTClaimsSet claims) {
        var jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256)
                .type(JOSEObjectType.JWT).keyID(key.getKeyID()).build(), claims);
        try {
            jwt.sign(new RSASSASigner(key));
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
        return "Bearer " + jwt.serialize();
    }

    private static KeyPair rsaKeyPair() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            return generator.generateKeyPair();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
