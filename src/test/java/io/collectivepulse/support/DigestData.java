package io.collectivepulse.support;

import io.collectivepulse.community.Community;
import io.collectivepulse.signal.Signal;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.jdbi.v3.core.Jdbi;

/** Busy weeks for digest tests and benchmarks: signals with themes, +1s, claims, flags and resources. */
public record DigestData(Community community, Instant from, Instant to, List<Signal> signals) {
    public static final Instant TO = Instant.parse("2026-11-23T08:00:00Z");

    /** {@code count} signals over {@code themes} themes, in memory, with hostile text in every one. */
    public static DigestData week(int count, int themes) {
        Community community = new Community(1, "DRH <!here>", Locale.FRENCH, ZoneId.of("Europe/Paris"),
                TO.minus(Duration.ofDays(100)));
        List<Signal> signals = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            boolean resource = i % 11 == 10;
            signals.add(new Signal(i + 1, 1, resource ? Signal.Kind.RESOURCE : Signal.Kind.SIGNAL, "slack", "T1", "C1",
                    "U" + i, "membre " + i, "Signal numéro " + i + " <!channel> & co ".repeat(1 + i % 20),
                    resource ? "https://example.org/ressource/" + i : null, List.of("theme-" + (i % themes)),
                    TO.minus(Duration.ofMinutes(i + 1)), i % 97 == 0 ? TO.minusSeconds(5) : null, i % 13,
                    i % 89 == 0 ? List.of("anne", "bob") : List.of()));
        }
        return new DigestData(community, TO.minus(Duration.ofDays(7)), TO, signals);
    }

    /**
     * Adds {@code count} communities of {@code perCommunity} signals each, spread over the last week, with +1s on
     * one signal in seven; set-based SQL, so that a million rows take seconds.
     */
    public static void insert(Jdbi jdbi, int offset, int count, int perCommunity) {
        jdbi.useTransaction(h -> {
            List<Long> ids = h.createQuery("""
                    INSERT INTO community (name, locale, time_zone, created_at)
                    SELECT 'Bench ' || g, 'fr', 'Europe/Paris', now() FROM generate_series(:from, :to) g
                    RETURNING id
                    """).bind("from", offset + 1).bind("to", offset + count).mapTo(Long.class).list();
            h.createUpdate("""
                    INSERT INTO signal (community_id, platform, workspace_id, channel_id, author_id, author_name, body,
                                        themes, created_at)
                    SELECT c.id, 'slack', 'T1', 'C' || c.id, 'U' || (s % 50), 'membre ' || (s % 50),
                           'Signal ' || s || ' : deux collectivités testent la semaine de quatre jours',
                           ARRAY['theme-' || (s % 40)], now() - make_interval(mins => s * 9)
                    FROM unnest(CAST(:ids AS BIGINT[])) AS c(id) CROSS JOIN generate_series(1, :per) AS s
                    """).bind("ids", ids.toArray(Long[]::new)).bind("per", perCommunity).execute();
            h.createUpdate("""
                    INSERT INTO signal_vote (signal_id, platform, workspace_id, user_id, voted_at)
                    SELECT s.id, 'slack', 'T1', 'V' || v, now()
                    FROM signal s CROSS JOIN generate_series(1, 3) AS v
                    WHERE s.community_id = ANY (CAST(:ids AS BIGINT[])) AND s.id % 7 = 0
                    """).bind("ids", ids.toArray(Long[]::new)).execute();
        });
        jdbi.useHandle(h -> h.execute("ANALYZE"));
    }
}
