package io.collectivepulse.teams;

import static org.assertj.core.api.Assertions.assertThat;

import io.collectivepulse.support.FakeBotConnector;
import io.collectivepulse.support.RunningService;
import io.collectivepulse.support.TeamsClient;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** With app credentials set, Bot Framework JWT validation is on: requests without a valid token get 401. */
class TeamsAuthenticationTest {
    private static FakeBotConnector connector;
    private static RunningService service;
    private static TeamsClient teams;

    @BeforeAll
    static void start() {
        connector = new FakeBotConnector();
        service = RunningService.start(Map.of(
                "MICROSOFT_APP_ID", "cd59cf47-aca1-41e0-8441-387faee8331e",
                "MICROSOFT_APP_PASSWORD", "test-password"));
        teams = new TeamsClient(service, connector);
    }

    @AfterAll
    static void stop() {
        service.close();
        connector.close();
    }

    @Test
    void missingOrForgedTokensAreRefusedAndNothingIsStored() {
        int communities = service.count("community");
        int references = service.count("conversation_reference");

        assertThat(teams.post(teams.personalMessage("lier Intrus")).statusCode()).isEqualTo(401);
        assertThat(teams.post(teams.personalMessage("lier Intrus"), Map.of("Authorization", "Bearer abc.def.ghi"))
                .statusCode()).isEqualTo(401);
        assertThat(teams.post(teams.personalMessage("lier Intrus"), Map.of("Authorization", "Basic Zm9vOmJhcg=="))
                .statusCode()).isEqualTo(401);

        assertThat(service.count("community")).isEqualTo(communities);
        assertThat(service.count("conversation_reference")).isEqualTo(references);
        assertThat(connector.all()).isEmpty();
    }
}
