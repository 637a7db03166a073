package io.collectivepulse.archfixture.bad.signal;

import io.collectivepulse.archfixture.bad.community.CommunityNeedsSignal;

/** One half of a cycle between the signal and community packages. */
public final class SignalNeedsCommunity {
    public String communityName(CommunityNeedsSignal community) {
        return community.name();
    }
}
