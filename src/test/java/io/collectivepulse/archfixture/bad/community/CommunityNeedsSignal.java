package io.collectivepulse.archfixture.bad.community;

import io.collectivepulse.archfixture.bad.signal.SignalNeedsCommunity;

/** The other half of the cycle between the signal and community packages. */
public final class CommunityNeedsSignal {
    public String name() {
        return "community";
    }

    public String echo(SignalNeedsCommunity signal) {
        return signal.communityName(this);
    }
}
