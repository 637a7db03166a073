package io.collectivepulse.digest;

import io.collectivepulse.signal.Signal;
import io.collectivepulse.signal.SignalDao;
import io.collectivepulse.signal.ThemeCount;
import java.time.Instant;
import java.util.List;
import org.jdbi.v3.core.Jdbi;

/** SQL for digests: the rows of one week, read through the signal queries. */
public final class DigestDao {
    private final SignalDao signals;

    public DigestDao(Jdbi jdbi) {
        this.signals = new SignalDao(jdbi);
    }

    public List<Signal> week(long communityId, Instant from, Instant to, Instant agendaFrom) {
        return signals.forDigest(communityId, from, to, agendaFrom);
    }

    public List<ThemeCount> claimedThemes(long communityId, Instant agendaFrom) {
        return signals.claimedThemes(communityId, agendaFrom);
    }
}
