package io.collectivepulse.teams;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.nimbusds.jose.PlainHeader;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.PlainJWT;
import io.collectivepulse.support.FakeBotConnector;
import io.collectivepulse.support.FakeIdentityPlatform;
import io.collectivepulse.support.PulseService;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Bot Framework authentication both ways, against local stand-ins for login.botframework.com (the keys that
 * sign the Bot Connector's tokens), login.microsoftonline.com (the bot's own token) and the Bot Connector.
 */
class TeamsJwtTest {
    private static final String APP_ID = "cd59cf47-aca1-41e0-8441-387faee8331e";
    private static final String APP_PASSWORD = "test-password";
    private static final Duration WAIT = Duration.ofSeconds(10);

    private static final ConnectorKey TEAMS_KEY = new ConnectorKey("teams-key", List.of("msteams", "skype"));
    private static final ConnectorKey WEBCHAT_KEY = new ConnectorKey("webchat-key", List.of("webchat"));

    @RegisterExtension
    static final PulseService pulse = PulseService.builder().teams(APP_ID, APP_PASSWORD)
            .connectorKeys(List.of(TEAMS_KEY.jwk(), WEBCHAT_KEY.jwk())).build();

    private static String validToken(ObjectNode activity) {
        return TEAMS_KEY.bearer(ConnectorKey.claims(APP_ID, activity.path("serviceUrl").asText()).build());
    }

    @Test
    void aTokenSignedByAnEndorsedPublishedKeyIsAcceptedAndTheReplyCarriesTheBotsOwnToken()
            throws InterruptedException {
        ObjectNode help = pulse.teams().personalMessage("aide");
        assertThat(pulse.teams().post(help, Map.of("Authorization", validToken(help))).statusCode()).isEqualTo(200);
        FakeBotConnector.Sent reply = pulse.connector().next(WAIT);
        assertThat(reply.cardText()).contains("lier <nom de la communauté>");
        assertThat(pulse.identity().issued(reply.authorization())).as(reply.authorization()).isTrue();
        assertThat(pulse.identity().requests()).isNotEmpty().allSatisfy(request -> {
            assertThat(request.tenant()).isEqualTo("botframework.com");
            assertThat(request.grantType()).isEqualTo("client_credentials");
            assertThat(request.clientId()).isEqualTo(APP_ID);
            assertThat(request.scope()).isEqualTo(FakeIdentityPlatform.BOT_CONNECTOR_SCOPE);
            assertThat(request.status()).isEqualTo(200);
        });
        int tokenRequests = pulse.identity().requests().size();

        ObjectNode list = pulse.teams().personalMessage("signal liste");
        assertThat(pulse.teams().post(list, Map.of("Authorization", validToken(list))).statusCode()).isEqualTo(200);
        assertThat(pulse.connector().next(WAIT).authorization()).isEqualTo(reply.authorization());
        assertThat(pulse.identity().requests()).hasSize(tokenRequests);
        assertThat(pulse.connector().refused()).isEmpty();
    }

    @Test
    void forgedExpiredMisdirectedOrUnendorsedTokensAreRefusedAndNothingIsStored() {
        ObjectNode activity = pulse.teams().personalMessage("lier Intrus");
        String serviceUrl = activity.path("serviceUrl").asText();
        Instant now = Instant.now();
        Map<String, String> refused = new LinkedHashMap<>();
        refused.put("signed by an unpublished key",
                new ConnectorKey("unknown-key", List.of("msteams")).bearer(ConnectorKey.claims(APP_ID, serviceUrl)
                        .build()));
        refused.put("signed by another key under a published key id",
                TEAMS_KEY.impostor().bearer(ConnectorKey.claims(APP_ID, serviceUrl).build()));
        refused.put("signed by a published key not endorsed for msteams",
                WEBCHAT_KEY.bearer(ConnectorKey.claims(APP_ID, serviceUrl).build()));
        refused.put("expired beyond the five minutes of clock skew", TEAMS_KEY.bearer(
                ConnectorKey.claims(APP_ID, serviceUrl)
                        .issueTime(Date.from(now.minus(Duration.ofHours(2))))
                        .notBeforeTime(Date.from(now.minus(Duration.ofHours(2))))
                        .expirationTime(Date.from(now.minus(Duration.ofMinutes(10)))).build()));
        refused.put("not valid yet", TEAMS_KEY.bearer(ConnectorKey.claims(APP_ID, serviceUrl)
                .notBeforeTime(Date.from(now.plus(Duration.ofMinutes(30)))).build()));
        refused.put("for another bot", TEAMS_KEY.bearer(
                ConnectorKey.claims("0d6f1c2a-0000-4000-8000-00000000b0b2", serviceUrl).build()));
        refused.put("for another serviceUrl", TEAMS_KEY.bearer(
                ConnectorKey.claims(APP_ID, "https://smba.trafficmanager.net/emea/").build()));
        refused.put("without a serviceurl claim", TEAMS_KEY.bearer(
                ConnectorKey.claims(APP_ID, serviceUrl).claim("serviceurl", null).build()));
        refused.put("from another issuer", TEAMS_KEY.bearer(ConnectorKey.claims(APP_ID, serviceUrl)
                .issuer("https://api.botframework.com.example").build()));
        refused.put("unsigned", "Bearer " + new PlainJWT(new PlainHeader(),
                ConnectorKey.claims(APP_ID, serviceUrl).build()).serialize());
        int communities = pulse.service().count("community");
        int references = pulse.service().count("conversation_reference");
        int replies = pulse.connector().all().size();
        int tokenRequests = pulse.identity().requests().size();

        refused.forEach((why, authorization) -> assertThat(
                pulse.teams().post(activity, Map.of("Authorization", authorization)).statusCode()).as(why)
                .isEqualTo(401));

        assertThat(pulse.service().count("community")).isEqualTo(communities);
        assertThat(pulse.service().count("conversation_reference")).isEqualTo(references);
        assertThat(pulse.connector().all()).hasSize(replies);
        assertThat(pulse.identity().requests()).hasSize(tokenRequests);
    }
}
