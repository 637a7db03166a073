package io.collectivepulse.community;

import java.util.Locale;

/** What a member may do in a community. */
public enum Role {
    /** Animateur·rice: plans the cycle, launches polls, sees participation. */
    FACILITATOR,
    MEMBER;

    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }
}
