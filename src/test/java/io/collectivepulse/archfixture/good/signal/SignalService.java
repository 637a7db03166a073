package io.collectivepulse.archfixture.good.signal;

import io.collectivepulse.archfixture.good.community.CommunityService;
import io.collectivepulse.archfixture.good.delivery.Outbox;
import io.collectivepulse.archfixture.good.when.Deadlines;
import java.time.Instant;

/** The feature's verbs. */
public final class SignalService {
    private final SignalDao dao;
    private final CommunityService communities;
    private final Outbox outbox;

    public SignalService(SignalDao dao, CommunityService communities, Outbox outbox) {
        this.dao = dao;
        this.communities = communities;
        this.outbox = outbox;
    }

    public long post(String actor, String text) {
        if (!communities.isMember(actor)) {
            throw new IllegalArgumentException(actor);
        }
        long id = dao.insert(text);
        outbox.owe("signal", id);
        return id;
    }

    public Instant closesAt(Instant now, String hours) {
        return Deadlines.after(now, hours);
    }

    public void remindAuthors() {
        outbox.owe("reminder", 0);
    }
}
