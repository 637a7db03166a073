package io.collectivepulse.archfixture.bad.community;

/** Not a service: a job should not call it. */
public final class MemberList {
    public void remindEveryone() {
        // Nothing to remind in a fixture.
    }
}
