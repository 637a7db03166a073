package io.collectivepulse.community;

import java.util.Locale;

/** What a member may do in a community. */
public enum Role {
    /**
     * Animateur or animatrice: links channels, issues invitations, changes the community's settings, flags
     * signals for the next session.
     */
    FACILITATOR,
    MEMBER;

    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }
}
