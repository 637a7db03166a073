package io.collectivepulse.session;

import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;

/** The cycle's sessions with their answers, and whether each took place. */
record Review(List<Line> lines) {
    /**
     * A session; {@code recorded}: who came as a facilitator recorded it, if one did; {@code note}: what another
     * feature says of it (the feedback poll's result).
     */
    record Line(Session session, SessionDao.Tally tally, boolean held, Optional<List<String>> recorded,
                Optional<String> note) {
        /** Who came: as recorded, otherwise those who said they would. */
        List<String> came() {
            return recorded.orElse(tally.coming());
        }
    }

    /** Who came over who answered, for the sessions that took place; empty before the first. */
    OptionalInt attendanceRate() {
        int answered = lines.stream().filter(Line::held)
                .mapToInt(l -> l.tally().yes() + l.tally().maybe() + l.tally().no()).sum();
        int came = lines.stream().filter(Line::held).mapToInt(l -> l.came().size()).sum();
        return answered == 0 ? OptionalInt.empty() : OptionalInt.of(Math.round(100f * came / answered));
    }
}
