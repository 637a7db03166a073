package io.collectivepulse;

import static org.assertj.core.api.Assertions.assertThat;

import io.collectivepulse.support.FakeSlackApi;
import io.collectivepulse.support.Http;
import io.collectivepulse.support.RunningService;
import io.collectivepulse.support.SlackClient;
import java.nio.file.Path;
import java.util.Date;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.quartz.Job;
import org.quartz.JobBuilder;
import org.quartz.JobExecutionContext;
import org.quartz.SimpleScheduleBuilder;
import org.quartz.TriggerBuilder;

/**
 * The service with nothing configured but its data directory: the embedded PostgreSQL keeps signals and
 * Quartz triggers across a restart.
 */
class RestartTest {
    private static final String SECRET = "restart-secret";
    private static final String TOKEN = "xoxb-restart";

    @TempDir
    Path dataDir;

    /** A job that only says it ran. */
    public static final class Beacon implements Job {
        static final CountDownLatch FIRED = new CountDownLatch(1);

        @Override
        public void execute(JobExecutionContext context) {
            FIRED.countDown();
        }
    }

    private RunningService startEmbedded(FakeSlackApi slackApi) {
        return RunningService.start(Config.fromEnv(Map.of(
                "PORT", "0", "PULSE_DATA_DIR", dataDir.toString(),
                "SLACK_SIGNING_SECRET", SECRET, "SLACK_BOT_TOKEN", TOKEN, "SLACK_API_URL", slackApi.url())));
    }

    @Test
    void signalsAndScheduledJobsSurviveARestartOnTheSameDataDirectory() throws Exception {
        try (var slackApi = new FakeSlackApi(TOKEN)) {
            try (RunningService first = startEmbedded(slackApi)) {
                assertThat(Http.get(first.url("/health")).body())
                        .isEqualTo("{\"database\":\"up\",\"scheduler\":\"started\"}");
                var slack = new SlackClient(first, SECRET);
                slack.command("/pulse", "lier Persistants");
                slack.command("/signal", "Un signal qui doit survivre #memoire");

                // Due now, but this instance stops before it can fire: the next one must pick it up.
                var quartz = first.app().scheduler().quartz();
                quartz.standby();
                quartz.scheduleJob(JobBuilder.newJob(Beacon.class).withIdentity("beacon").build(),
                        TriggerBuilder.newTrigger().withIdentity("beacon").startAt(new Date())
                                .withSchedule(SimpleScheduleBuilder.simpleSchedule()
                                        .withMisfireHandlingInstructionFireNow())
                                .build());
            }
            assertThat(Beacon.FIRED.getCount()).isEqualTo(1);

            try (RunningService second = startEmbedded(slackApi)) {
                String list = SlackClient.text(new SlackClient(second, SECRET).command("/signal", "liste"));
                assertThat(list).contains("Un signal qui doit survivre", "#memoire");
                assertThat(Beacon.FIRED.await(60, TimeUnit.SECONDS)).as("job fired after restart").isTrue();
            }
        }
    }
}
