package io.collectivepulse.archfixture.bad.router;

import io.collectivepulse.archfixture.bad.slack.SlackPoster;

/** A router that answers through the Slack adapter instead of returning a reply. */
final class RouterKnowsSlackAdapter {
    private final SlackPoster poster;

    RouterKnowsSlackAdapter(SlackPoster poster) {
        this.poster = poster;
    }

    void help(String channel) {
        poster.post(channel, "help");
    }
}
