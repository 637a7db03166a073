package io.collectivepulse.teams;

import static org.assertj.core.api.Assertions.assertThat;

import io.collectivepulse.support.PulseService;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** With app credentials set, Bot Framework JWT validation is on: requests without a valid token get 401. */
class TeamsAuthenticationTest {
    @RegisterExtension
    static final PulseService pulse = PulseService.builder()
            .teams("cd59cf47-aca1-41e0-8441-387faee8331e", "test-password").build();

    @Test
    void missingOrForgedTokensAreRefusedAndNothingIsStored() {
        int communities = pulse.service().count("community");
        int references = pulse.service().count("conversation_reference");

        assertThat(pulse.teams().post(pulse.teams().personalMessage("lier Intrus")).statusCode()).isEqualTo(401);
        assertThat(pulse.teams().post(pulse.teams().personalMessage("lier Intrus"),
                        Map.of("Authorization", "Bearer abc.def.ghi"))
                .statusCode()).isEqualTo(401);
        assertThat(pulse.teams().post(pulse.teams().personalMessage("lier Intrus"),
                        Map.of("Authorization", "Basic Zm9vOmJhcg=="))
                .statusCode()).isEqualTo(401);

        assertThat(pulse.service().count("community")).isEqualTo(communities);
        assertThat(pulse.service().count("conversation_reference")).isEqualTo(references);
        assertThat(pulse.connector().all()).isEmpty();
    }
}
