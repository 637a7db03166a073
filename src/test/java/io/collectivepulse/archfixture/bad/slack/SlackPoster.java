package io.collectivepulse.archfixture.bad.slack;

/** The Slack adapter's sender. */
public final class SlackPoster {
    public void post(String channel, String text) {
        // A fixture sends nothing.
    }
}
