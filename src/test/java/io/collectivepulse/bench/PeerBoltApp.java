package io.collectivepulse.bench;

import static com.slack.api.model.block.Blocks.actions;
import static com.slack.api.model.block.Blocks.asBlocks;
import static com.slack.api.model.block.Blocks.context;
import static com.slack.api.model.block.Blocks.section;
import static com.slack.api.model.block.composition.BlockCompositions.markdownText;
import static com.slack.api.model.block.composition.BlockCompositions.plainText;
import static com.slack.api.model.block.element.BlockElements.asContextElements;
import static com.slack.api.model.block.element.BlockElements.asElements;

import com.slack.api.app_backend.interactive_components.payload.BlockActionPayload;
import com.slack.api.app_backend.slash_commands.payload.SlashCommandPayload;
import com.slack.api.bolt.App;
import com.slack.api.bolt.context.builtin.ActionContext;
import com.slack.api.bolt.context.builtin.SlashCommandContext;
import com.slack.api.bolt.request.builtin.BlockActionRequest;
import com.slack.api.bolt.request.builtin.SlashCommandRequest;
import com.slack.api.bolt.response.Response;
import com.slack.api.methods.SlackApiException;
import com.slack.api.model.block.LayoutBlock;
import com.slack.api.model.block.element.BlockElements;
import com.slack.api.model.block.element.ButtonElement;
import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.javalin.http.Handler;
import java.io.IOException;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The peer of issue 10: the Bolt app a team would write with the same SDKs instead of Collective Pulse, Slack
 * only. Its {@code /signal} looks the channel's community up, stores the signal with plain JDBC (HikariCP, 10
 * connections, like the service), posts the signal's card with {@code chat.postMessage}, then acks: one SELECT,
 * one INSERT and one Web API call before every ack. Its polls likewise: a vote is stored, the tally counted and the
 * card clicked redrawn with {@code chat.update} before the ack. Its tables live in a database of its own; a
 * channel is linked to a community by {@link #link}.
 */
final class PeerBoltApp implements AutoCloseable {
    private static final String SCHEMA = """
            CREATE TABLE IF NOT EXISTS channel_community (
                team_id    text NOT NULL,
                channel_id text NOT NULL,
                community  text NOT NULL,
                PRIMARY KEY (team_id, channel_id));
            CREATE TABLE IF NOT EXISTS signal (
                id         bigserial PRIMARY KEY,
                community  text NOT NULL,
                channel_id text NOT NULL,
                user_id    text NOT NULL,
                text       text NOT NULL,
                created_at timestamptz NOT NULL DEFAULT now());
            CREATE TABLE IF NOT EXISTS poll (
                id        bigserial PRIMARY KEY,
                community text NOT NULL,
                question  text NOT NULL,
                options   text[] NOT NULL);
            CREATE TABLE IF NOT EXISTS poll_card (
                poll_id    bigint NOT NULL REFERENCES poll,
                channel_id text NOT NULL,
                ts         text NOT NULL,
                PRIMARY KEY (poll_id, channel_id));
            CREATE TABLE IF NOT EXISTS poll_vote (
                poll_id bigint NOT NULL REFERENCES poll,
                user_id text NOT NULL,
                option  int NOT NULL,
                PRIMARY KEY (poll_id, user_id))
            """;
    /** The peer's poll: three fixed options, enough to compare a vote's path with the service's. */
    private static final List<String> OPTIONS = List.of("Recrutement", "Télétravail", "Accueil du public");
    private static final String VOTE = """
            INSERT INTO poll_vote (poll_id, user_id, option) VALUES (?, ?, ?)
            ON CONFLICT (poll_id, user_id) DO UPDATE SET option = excluded.option""";
    private static final String TALLY = "SELECT option, count(*) FROM poll_vote WHERE poll_id = ? GROUP BY option";
    private static final String COMMUNITY =
            "SELECT community FROM channel_community WHERE team_id = ? AND channel_id = ?";
    private static final String INSERT =
            "INSERT INTO signal (community, channel_id, user_id, text) VALUES (?, ?, ?, ?)";

    private final HikariDataSource pool;
    private final App app;

    /** Reads DATABASE_URL, DATABASE_USER and the Slack settings of the bench from {@code env}; creates the tables. */
    PeerBoltApp(Map<String, String> env) {
        var hikari = new HikariConfig();
        hikari.setJdbcUrl(env.get("DATABASE_URL"));
        hikari.setUsername(env.get("DATABASE_USER"));
        hikari.setMaximumPoolSize(10);
        this.pool = new HikariDataSource(hikari);
        try (Connection connection = pool.getConnection(); var statement = connection.createStatement()) {
            statement.execute(SCHEMA);
        } catch (SQLException e) {
            pool.close();
            throw new IllegalStateException("Could not create the peer's tables", e);
        }
        this.app = new App(BoltBridge.config(env.get("SLACK_SIGNING_SECRET"), env.get("SLACK_BOT_TOKEN"),
                env.get("SLACK_API_URL")));
        app.command("/signal", this::signal);
        app.command("/sondage", this::poll);
        app.blockAction(Pattern.compile("poll\\.vote\\.\\d"), this::vote);
    }

    Handler handler() {
        return new BoltBridge(app);
    }

    private Response signal(SlashCommandRequest request, SlashCommandContext ctx)
            throws IOException, SlackApiException {
        SlashCommandPayload command = request.getPayload();
        String community;
        long id;
        try (Connection connection = pool.getConnection()) {
            community = community(connection, command.getTeamId(), command.getChannelId());
            if (community == null) {
                return ctx.ack("This channel is not linked to a community yet.");
            }
            id = insert(connection, community, command);
        } catch (SQLException e) {
            throw new IllegalStateException("Could not store the signal", e);
        }
        var posted = ctx.client().chatPostMessage(r -> r
                .channel(command.getChannelId())
                .text("New signal: " + escape(command.getText()))
                .blocks(card(id, community, command)));
        if (!posted.isOk()) {
            throw new IllegalStateException("chat.postMessage failed: " + posted.getError());
        }
        return ctx.ack();
    }

    /**
     * {@code /sondage <question>}: a poll of three options stored, its card posted in every channel of the community
     * ({@code chat.postMessage} each), and where each card is kept, before the ack.
     */
    private Response poll(SlashCommandRequest request, SlashCommandContext ctx) throws IOException, SlackApiException {
        SlashCommandPayload command = request.getPayload();
        try (Connection connection = pool.getConnection()) {
            String community = community(connection, command.getTeamId(), command.getChannelId());
            if (community == null) {
                return ctx.ack("This channel is not linked to a community yet.");
            }
            long id;
            try (var insert = connection.prepareStatement(
                    "INSERT INTO poll (community, question, options) VALUES (?, ?, ?)", new String[] {"id"})) {
                insert.setString(1, community);
                insert.setString(2, command.getText());
                insert.setArray(3, connection.createArrayOf("text", OPTIONS.toArray()));
                insert.executeUpdate();
                try (var keys = insert.getGeneratedKeys()) {
                    keys.next();
                    id = keys.getLong(1);
                }
            }
            List<String> channels = new java.util.ArrayList<>();
            try (var select = connection.prepareStatement(
                    "SELECT channel_id FROM channel_community WHERE team_id = ? AND community = ?")) {
                select.setString(1, command.getTeamId());
                select.setString(2, community);
                try (var rows = select.executeQuery()) {
                    while (rows.next()) {
                        channels.add(rows.getString(1));
                    }
                }
            }
            for (String channel : channels) {
                var posted = ctx.client().chatPostMessage(r -> r.channel(channel).text(escape(command.getText()))
                        .blocks(pollCard(id, command.getText(), new int[OPTIONS.size()])));
                if (!posted.isOk()) {
                    throw new IllegalStateException("chat.postMessage failed: " + posted.getError());
                }
                try (var insert = connection.prepareStatement("INSERT INTO poll_card VALUES (?, ?, ?)")) {
                    insert.setLong(1, id);
                    insert.setString(2, channel);
                    insert.setString(3, posted.getTs());
                    insert.executeUpdate();
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Could not launch the poll", e);
        }
        return ctx.ack();
    }

    /**
     * A vote button: the vote stored (or moved), the tally counted, and the card the member clicked redrawn with
     * {@code chat.update}, before the ack; a refused update (Slack's 429) is logged and the vote acked anyway.
     */
    private Response vote(BlockActionRequest request, ActionContext ctx) {
        BlockActionPayload payload = request.getPayload();
        BlockActionPayload.Action action = payload.getActions().get(0);
        long poll = Long.parseLong(action.getValue());
        int option = Integer.parseInt(action.getActionId().substring("poll.vote.".length()));
        int[] counts = new int[OPTIONS.size()];
        try (Connection connection = pool.getConnection()) {
            try (var insert = connection.prepareStatement(VOTE)) {
                insert.setLong(1, poll);
                insert.setString(2, payload.getUser().getId());
                insert.setInt(3, option);
                insert.executeUpdate();
            }
            try (var tally = connection.prepareStatement(TALLY)) {
                tally.setLong(1, poll);
                try (var rows = tally.executeQuery()) {
                    while (rows.next()) {
                        counts[rows.getInt(1) - 1] = rows.getInt(2);
                    }
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Could not store the vote", e);
        }
        try {
            ctx.client().chatUpdate(r -> r.channel(payload.getChannel().getId())
                    .ts(payload.getContainer().getMessageTs()).text("Poll").blocks(pollCard(poll, "Poll", counts)));
        } catch (IOException | SlackApiException e) {
            // What a team's app does when Slack says 429: the card stays behind, the vote is kept.
        }
        return ctx.ack();
    }

    private static List<LayoutBlock> pollCard(long id, String question, int[] counts) {
        String value = Long.toString(id);
        List<ButtonElement> buttons = new java.util.ArrayList<>();
        StringBuilder bars = new StringBuilder(escape(question));
        for (int i = 0; i < OPTIONS.size(); i++) {
            bars.append("\n").append(OPTIONS.get(i)).append(": ").append(counts[i]);
            buttons.add(button("poll.vote." + (i + 1), OPTIONS.get(i), value));
        }
        return asBlocks(section(s -> s.text(markdownText(bars.toString()))),
                actions(asElements(buttons.toArray(new ButtonElement[0]))));
    }

    /** The peer's poll and where its card is in each channel, once {@code /sondage} has posted them all. */
    static Map<String, String> pollCards(String databaseUrl) throws SQLException {
        Map<String, String> cards = new java.util.TreeMap<>();
        try (var connection = DriverManager.getConnection(databaseUrl, "postgres", "");
             var rows = connection.createStatement().executeQuery("SELECT channel_id, ts FROM poll_card")) {
            while (rows.next()) {
                cards.put(rows.getString(1), rows.getString(2));
            }
        }
        return cards;
    }

    private static String community(Connection connection, String team, String channel) throws SQLException {
        try (var select = connection.prepareStatement(COMMUNITY)) {
            select.setString(1, team);
            select.setString(2, channel);
            try (var rows = select.executeQuery()) {
                return rows.next() ? rows.getString(1) : null;
            }
        }
    }

    private static long insert(Connection connection, String community, SlashCommandPayload command)
            throws SQLException {
        try (var insert = connection.prepareStatement(INSERT, new String[] {"id"})) {
            insert.setString(1, community);
            insert.setString(2, command.getChannelId());
            insert.setString(3, command.getUserId());
            insert.setString(4, command.getText());
            insert.executeUpdate();
            try (var keys = insert.getGeneratedKeys()) {
                keys.next();
                return keys.getLong(1);
            }
        }
    }

    /** The text, who posted it and where, and five buttons, as on Collective Pulse's card. */
    private static List<LayoutBlock> card(long id, String community, SlashCommandPayload command) {
        String value = Long.toString(id);
        return asBlocks(
                section(s -> s.text(markdownText(escape(command.getText())))),
                context(asContextElements(markdownText("<@" + command.getUserId() + "> · " + escape(community)))),
                actions(asElements(
                        button("signal_vote", "I see it too (0)", value),
                        button("signal_claim", "I'll take it up", value),
                        button("signal_flag", "Discuss in session", value),
                        button("signal_edit", "Edit", value),
                        button("signal_delete", "Delete", value))));
    }

    private static ButtonElement button(String actionId, String label, String value) {
        return BlockElements.button(b -> b
                .actionId(actionId).text(plainText(label)).value(value));
    }

    /** Slack's three control characters in message text. */
    private static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }

    /** Links a channel to a community, in the peer's database: the bench does it once before the load. */
    static void link(String databaseUrl, String team, String channel, String community) throws SQLException {
        try (var connection = DriverManager.getConnection(databaseUrl, "postgres", "");
             var insert = connection.prepareStatement("INSERT INTO channel_community VALUES (?, ?, ?)")) {
            insert.setString(1, team);
            insert.setString(2, channel);
            insert.setString(3, community);
            insert.executeUpdate();
        }
    }

    /** How many signals the peer has stored. */
    static long signals(String databaseUrl) throws SQLException {
        try (var connection = DriverManager.getConnection(databaseUrl, "postgres", "");
             var rows = connection.createStatement().executeQuery("SELECT count(*) FROM signal")) {
            rows.next();
            return rows.getLong(1);
        }
    }

    @Override
    public void close() {
        pool.close();
    }
}
