package io.collectivepulse.archfixture.bad.when;

import io.collectivepulse.archfixture.bad.community.CommunityNeedsSignal;

/** A shared reader that knows a feature: every feature that uses it would now depend on that one. */
final class DeadlineOfCommunity {
    String deadline(CommunityNeedsSignal community) {
        return community.name();
    }
}
