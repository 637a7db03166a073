package io.collectivepulse.archfixture.good.community;

/** A feature another feature may use, in one direction. */
public final class CommunityService {
    public boolean isMember(String actor) {
        return !actor.isEmpty();
    }
}
