package io.collectivepulse.support;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.Javalin;
import java.util.List;

/**
 * A local stand-in for login.botframework.com: the OpenID metadata document and the signing keys (JWK
 * with Bot Framework's {@code endorsements}) that the Bot Connector's tokens are checked against.
 */
public final class FakeOpenIdMetadata implements AutoCloseable {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Javalin server;

    /** Publishes these keys, each a JWK as JSON. */
    public FakeOpenIdMetadata(List<String> jwks) {
        this.server = Javalin.create(config -> {
            config.startup.showJavalinBanner = false;
            config.routes.get("/v1/.well-known/openidconfiguration",
                    ctx -> ctx.contentType("application/json").result(JSON.writeValueAsString(metadata())));
            config.routes.get("/v1/.well-known/keys",
                    ctx -> ctx.contentType("application/json").result(JSON.writeValueAsString(keys(jwks))));
        }).start("127.0.0.1", 0);
    }

    /** The value for BOTFRAMEWORK_OPENID_METADATA_URL. */
    public String metadataUrl() {
        return base() + "/v1/.well-known/openidconfiguration";
    }

    private String base() {
        return "http://127.0.0.1:" + server.port();
    }

    private ObjectNode metadata() {
        ObjectNode metadata = JSON.createObjectNode()
                .put("issuer", "https://api.botframework.com")
                .put("authorization_endpoint", "https://invalid.botframework.com")
                .put("jwks_uri", base() + "/v1/.well-known/keys");
        metadata.putArray("id_token_signing_alg_values_supported").add("RS256");
        metadata.putArray("token_endpoint_auth_methods_supported").add("private_key_jwt");
        return metadata;
    }

    private static ObjectNode keys(List<String> jwks) throws Exception {
        ObjectNode document = JSON.createObjectNode();
        ArrayNode keys = document.putArray("keys");
        for (String jwk : jwks) {
            keys.add(JSON.readTree(jwk));
        }
        return document;
    }

    @Override
    public void close() {
        server.stop();
    }
}
