package io.collectivepulse.session;

import io.collectivepulse.chat.Actor;
import java.time.Instant;

/** A member's answer to a session's announcement, the last one they gave from either platform. */
record Answer(Actor member, Choice choice, Instant answeredAt) {
    enum Choice { YES, MAYBE, NO }
}
