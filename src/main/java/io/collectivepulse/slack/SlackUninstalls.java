package io.collectivepulse.slack;

import com.slack.api.bolt.App;
import com.slack.api.model.event.AppUninstalledEvent;
import com.slack.api.model.event.TokensRevokedEvent;

/**
 * A workspace that removes the app ({@code app_uninstalled}) or whose bot token is revoked ({@code tokens_revoked})
 * is forgotten at once: its row, token included, is deleted, so that no token of a workspace that left stays in the
 * database, with the names of its members. Bolt runs these two events without looking for the workspace's installation first, since its token no
 * longer works. Revoked user tokens alone change nothing: the app keeps none.
 */
final class SlackUninstalls {
    private final SlackInstallations installations;
    private final SlackNames names;

    SlackUninstalls(SlackInstallations installations, SlackNames names) {
        this.installations = installations;
        this.names = names;
    }

    void register(App app) {
        app.event(AppUninstalledEvent.class, (payload, ctx) -> {
            installations.forget(payload.getTeamId());
            names.forget(payload.getTeamId());
            return ctx.ack();
        });
        app.event(TokensRevokedEvent.class, (payload, ctx) -> {
            var tokens = payload.getEvent().getTokens();
            if (tokens != null && tokens.getBot() != null && !tokens.getBot().isEmpty()) {
                installations.forget(payload.getTeamId());
            }
            return ctx.ack();
        });
    }
}
