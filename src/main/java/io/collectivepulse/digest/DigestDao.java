package io.collectivepulse.digest;

import io.collectivepulse.signal.Signal;
import io.collectivepulse.signal.SignalDao;
import io.collectivepulse.signal.ThemeCount;
import java.time.Instant;
import java.util.List;
import org.jdbi.v3.sqlobject.CreateSqlObject;

/** SQL for digests: the rows of one week, read through the signal queries. */
public interface DigestDao {
    @CreateSqlObject
    SignalDao signals();

    default List<Signal> week(long communityId, Instant from, Instant to, Instant agendaFrom) {
        return signals().forDigest(SignalDao.COLUMNS, communityId, from, to, agendaFrom);
    }

    default List<ThemeCount> claimedThemes(long communityId, Instant agendaFrom) {
        return signals().claimedThemes(communityId, agendaFrom);
    }
}
