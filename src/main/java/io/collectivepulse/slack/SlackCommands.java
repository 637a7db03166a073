package io.collectivepulse.slack;

import com.slack.api.app_backend.slash_commands.payload.SlashCommandPayload;
import com.slack.api.bolt.App;
import com.slack.api.bolt.context.builtin.SlashCommandContext;
import com.slack.api.bolt.response.Response;
import io.collectivepulse.chat.Actor;
import io.collectivepulse.chat.ChannelRef;
import io.collectivepulse.chat.Platform;
import io.collectivepulse.chat.Reply;
import io.collectivepulse.router.Command;
import io.collectivepulse.router.Router;
import java.time.Clock;

/** One Bolt slash-command handler per command root registered with the {@link Router}. */
final class SlackCommands {
    private final Router router;
    private final BlockKitRenderer renderer;
    private final SlackForms forms;
    private final SlackNames names;
    private final SlackResponseUrlDao responseUrls;
    private final Clock clock;

    SlackCommands(Router router, BlockKitRenderer renderer, SlackForms forms, SlackNames names,
                  SlackResponseUrlDao responseUrls, Clock clock) {
        this.router = router;
        this.renderer = renderer;
        this.forms = forms;
        this.names = names;
        this.responseUrls = responseUrls;
        this.clock = clock;
    }

    void register(App app) {
        for (String root : router.roots()) {
            app.command("/" + root, (req, ctx) -> answer(root, req.getPayload(), ctx));
        }
    }

    private Response answer(String root, SlashCommandPayload payload, SlashCommandContext ctx) {
        String workspace = payload.getTeamId();
        Actor actor = names.actor(workspace, payload.getUserId(), payload.getUserName());
        var channel = new ChannelRef(Platform.SLACK, workspace, payload.getChannelId());
        if (payload.getResponseUrl() != null && !payload.getResponseUrl().isBlank()) {
            // How to reach the member here if the bot is not in the channel (see SlackSender#notify): kept before
            // the command runs, whose messages may be sent as soon as it has written them.
            responseUrls.record(channel, payload.getUserId(), payload.getResponseUrl(), clock.instant());
        }
        Reply reply = router.handle(new Command(actor, channel, root, SlackText.unescape(payload.getText())));
        if (reply.form() != null) {
            forms.open(ctx.client(), payload.getTriggerId(), channel, payload.getUserId(), reply);
            return ctx.ack();
        }
        if (reply.isEmpty()) {
            // The result is already in the channel, posted by the bot: Slack shows nothing more.
            return ctx.ack();
        }
        return ctx.ack(r -> r
                .responseType(reply.privately() ? "ephemeral" : "in_channel")
                .text(renderer.fallbackText(reply.card()))
                .blocks(renderer.blocks(reply.card())));
    }
}
