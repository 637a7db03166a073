package io.collectivepulse.slack;

import com.slack.api.bolt.App;
import com.slack.api.bolt.request.Request;
import com.slack.api.bolt.response.Response;
import io.collectivepulse.db.Database;
import java.time.Clock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Slack requests handled once: a request's effects and the fact that it was handled are committed in one
 * transaction, under the key {@link SlackReplays} gives it, so that a retried event, a replayed command or a click
 * delivered twice has no second effect and gets the first answer.
 */
final class RememberedRequests {
    private static final Logger LOG = LoggerFactory.getLogger(RememberedRequests.class);

    private final App app;
    private final Database database;
    private final SlackRequestDao requests;
    private final Clock clock;

    RememberedRequests(App app, Database database, SlackRequestDao requests, Clock clock) {
        this.app = app;
        this.database = database;
        this.requests = requests;
        this.clock = clock;
    }

    /** What failed: the handler's own exception rather than the wrapper that rolled its transaction back. */
    static Throwable cause(Exception e) {
        return e instanceof Failed && e.getCause() != null ? e.getCause() : e;
    }

    /** Handles the request and remembers it in one transaction (see {@link #run}). */
    private Response once(String key, Request<?> request) {
        return database.inTransaction(() -> {
            Response response;
            try {
                response = app.run(request);
            } catch (Exception e) {
                throw new Failed(e);
            }
            if (response.getStatusCode() != 200) {
                throw new Unremembered(response);
            }
            var answer = new SlackRequestDao.Answer(response.getContentType(),
                    response.getBody() == null ? "" : response.getBody());
            requests.remember(key, answer, clock.instant()).ifPresent(earlier -> {
                throw new Replayed(earlier);
            });
            return response;
        });
    }

    /**
     * Handles the request and remembers it under {@code key} in one transaction: its effects and the fact that it
     * was handled are committed together. A request handled before (a retried event, a replayed command, a click
     * delivered twice) is rolled back and gets the first answer.
     */
    Response run(String key, Request<?> request) {
        try {
            return once(key, request);
        } catch (Replayed replay) {
            LOG.info("Slack request {} handled before: answered as the first time, nothing done again", key);
            return Response.builder().statusCode(200).contentType(replay.earlier.contentType())
                    .body(replay.earlier.body()).build();
        } catch (Unremembered refused) {
            return refused.response;
        }
    }

    /** Rolls back a request handled before. */
    private static final class Replayed extends RuntimeException {
        private final SlackRequestDao.Answer earlier;

        Replayed(SlackRequestDao.Answer earlier) {
            super("handled before", null, false, false);
            this.earlier = earlier;
        }
    }

    /** Rolls back a request Bolt did not answer 200 (its signature, an unknown command…): it is not remembered. */
    private static final class Unremembered extends RuntimeException {
        private final Response response;

        Unremembered(Response response) {
            super("not answered 200", null, false, false);
            this.response = response;
        }
    }

    /** Rolls back a request whose handling failed. */
    private static final class Failed extends RuntimeException {
        Failed(Exception cause) {
            super(cause);
        }
    }

}
