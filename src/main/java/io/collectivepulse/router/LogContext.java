package io.collectivepulse.router;

import io.collectivepulse.chat.ChannelRef;
import java.util.Optional;
import java.util.function.Function;
import org.slf4j.MDC;

/**
 * The workspace (Slack team, Teams tenant) and community of what the router is handling, on every log line written
 * meanwhile, so that an operator can follow one community's trouble; put back as it was once handled.
 */
final class LogContext implements AutoCloseable {
    static final String WORKSPACE = "workspace";
    static final String COMMUNITY = "community";

    private final String workspace;
    private final String community;

    private LogContext() {
        this.workspace = MDC.get(WORKSPACE);
        this.community = MDC.get(COMMUNITY);
    }

    /** Names the channel's workspace and community; a community that cannot be looked up is left out. */
    static LogContext of(ChannelRef channel, Function<ChannelRef, Optional<Long>> communities) {
        var context = new LogContext();
        MDC.put(WORKSPACE, channel.workspaceId());
        MDC.remove(COMMUNITY);
        try {
            communities.apply(channel).ifPresent(id -> MDC.put(COMMUNITY, Long.toString(id)));
        } catch (RuntimeException e) {
            // The database may be down: the handler says so to the member, the log line just lacks the community.
        }
        return context;
    }

    @Override
    public void close() {
        restore(WORKSPACE, workspace);
        restore(COMMUNITY, community);
    }

    private static void restore(String key, String value) {
        if (value == null) {
            MDC.remove(key);
        } else {
            MDC.put(key, value);
        }
    }
}
