package io.collectivepulse.chat;

import java.util.Locale;

/** The messengers a community can live in. */
public enum Platform {
    SLACK, TEAMS;

    /** How commands are typed in help texts: {@code /signal} in Slack, {@code signal} in a Teams message. */
    public String commandPrefix() {
        return this == SLACK ? "/" : "";
    }

    /** The lower-case name stored in the database. */
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Platform fromId(String id) {
        return valueOf(id.toUpperCase(Locale.ROOT));
    }
}
