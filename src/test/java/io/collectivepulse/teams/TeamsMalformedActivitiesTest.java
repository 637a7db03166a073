package io.collectivepulse.teams;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.collectivepulse.support.Http;
import io.collectivepulse.support.PulseService;
import io.collectivepulse.support.TeamsClient;
import java.net.http.HttpResponse;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The malformed Teams activities an attacker sent to the service before it checked their shape (issue 13): an
 * activity that is not what Teams sends gets 200 and nothing done, an invoke that is not one the bot answers gets
 * 400, and neither gets a 5xx nor leaves a row behind.
 */
class TeamsMalformedActivitiesTest {
    @RegisterExtension
    static final PulseService pulse = PulseService.builder().teams().build();

    private static ObjectNode message() {
        return pulse.teams().channelMessage("lier Agents d'accueil");
    }

    private static void ignored(HttpResponse<String> response, int status) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
        assertThat(response.body()).doesNotContain("Exception", "at com.", "at io.");
    }

    @AfterEach
    void nothingWasKept() {
        assertThat(pulse.count("select count(*) from community")).isZero();
        assertThat(pulse.count("select count(*) from outbox")).isZero();
        assertThat(pulse.count("select count(*) from conversation_reference")).isZero();
        assertThat(pulse.connector().all()).isEmpty();
    }

    @Test
    void aMessageWithoutItsSender() {
        ObjectNode activity = message();
        activity.remove("from");
        ignored(pulse.teams().post(activity), 200);
    }

    @Test
    void aMessageWithoutItsConversation() {
        ObjectNode activity = message();
        activity.remove("conversation");
        ignored(pulse.teams().post(activity), 200);
    }

    @Test
    void aMessageWithoutItsServiceUrl() {
        ObjectNode activity = message();
        activity.remove("serviceUrl");
        ignored(pulse.teams().post(activity), 200);
    }

    @Test
    void aMessageWhoseServiceUrlIsNotOne() {
        ObjectNode activity = message();
        activity.put("serviceUrl", "not a url");
        ignored(pulse.teams().post(activity), 200);
    }

    @Test
    void aMessageWhoseConversationHasNoId() {
        ObjectNode activity = message();
        ((ObjectNode) activity.path("conversation")).remove("id");
        ignored(pulse.teams().post(activity), 200);
    }

    @Test
    void aMessageWhoseValueIsNotAnObject() {
        ObjectNode activity = message();
        activity.remove("text");
        activity.put("value", 42);
        ignored(pulse.teams().post(activity), 200);
    }

    @Test
    void anInvokeTheBotDoesNotAnswer() {
        ObjectNode activity = message();
        activity.put("type", "invoke").put("name", "task/fetch");
        ignored(pulse.teams().post(activity), 400);
    }

    @Test
    void anInvokeWithoutItsName() {
        ObjectNode activity = message();
        activity.put("type", "invoke");
        ignored(pulse.teams().post(activity), 400);
    }

    @Test
    void aCardActionWithoutItsAction() {
        ObjectNode invoke = TeamsClient.execute(message(), "signal:vu", "1");
        ((ObjectNode) invoke.path("value")).remove("action");
        ignored(pulse.teams().post(invoke), 400);
    }

    @Test
    void aCardActionWithoutItsSender() {
        ObjectNode invoke = TeamsClient.execute(message(), "signal:vu", "1");
        invoke.remove("from");
        ignored(pulse.teams().post(invoke), 400);
    }

    @Test
    void anActivityOfNoKnownType() {
        ObjectNode activity = message();
        activity.put("type", "surprise");
        ignored(pulse.teams().post(activity), 200);
    }

    @Test
    void anActivityThatIsAnArray() {
        ignored(Http.post(pulse.service().url("/api/messages"), "application/json", "[]", Map.of()), 400);
    }
}
