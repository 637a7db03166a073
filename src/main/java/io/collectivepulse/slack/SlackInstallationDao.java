package io.collectivepulse.slack;

import io.collectivepulse.db.Database;
import io.collectivepulse.db.Rows;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.mapper.RowMapper;

/** SQL for Slack installations (one bot token per workspace) and OAuth states. */
public final class SlackInstallationDao {
    private static final RowMapper<Installation> INSTALLATION = (rs, ctx) -> new Installation(rs.getString("team_id"),
            rs.getString("enterprise_id"), rs.getString("app_id"), rs.getString("bot_id"),
            rs.getString("bot_user_id"), rs.getString("bot_scope"), rs.getString("bot_token"),
            rs.getString("installer_user_id"), Rows.instant(rs, "installed_at"));

    private final Jdbi jdbi;

    public SlackInstallationDao(Database database) {
        this.jdbi = database.jdbi();
    }

    /** One workspace's installation. */
    record Installation(String teamId, String enterpriseId, String appId, String botId, String botUserId,
                        String botScope, String botToken, String installerUserId, Instant installedAt) {
        @Override
        public String toString() {
            return "Installation[team=" + teamId + ", bot=" + botUserId + "]";
        }
    }

    void save(Installation installation) {
        jdbi.useHandle(h -> h.createUpdate("""
                        INSERT INTO slack_installation (team_id, enterprise_id, app_id, bot_id, bot_user_id, bot_scope,
                                                        bot_token, installer_user_id, installed_at)
                        VALUES (:teamId, :enterpriseId, :appId, :botId, :botUserId, :botScope, :botToken,
                                :installerUserId, :installedAt)
                        ON CONFLICT (team_id) DO UPDATE SET enterprise_id = EXCLUDED.enterprise_id,
                            app_id = EXCLUDED.app_id, bot_id = EXCLUDED.bot_id, bot_user_id = EXCLUDED.bot_user_id,
                            bot_scope = EXCLUDED.bot_scope, bot_token = EXCLUDED.bot_token,
                            installer_user_id = EXCLUDED.installer_user_id, installed_at = EXCLUDED.installed_at
                        """)
                .bind("teamId", installation.teamId()).bind("enterpriseId", installation.enterpriseId())
                .bind("appId", installation.appId()).bind("botId", installation.botId())
                .bind("botUserId", installation.botUserId()).bind("botScope", installation.botScope())
                .bind("botToken", installation.botToken()).bind("installerUserId", installation.installerUserId())
                .bind("installedAt", installation.installedAt())
                .execute());
    }

    Optional<Installation> find(String teamId) {
        return jdbi.withHandle(h -> h.createQuery("SELECT * FROM slack_installation WHERE team_id = :teamId")
                .bind("teamId", teamId).map(INSTALLATION).findOne());
    }

    /** Forgets a workspace's installation, its bot token with it; the number of rows deleted. */
    int delete(String teamId) {
        return jdbi.withHandle(h -> h.createUpdate("DELETE FROM slack_installation WHERE team_id = :teamId")
                .bind("teamId", teamId).execute());
    }

    /** Every workspace's stored token, by workspace. */
    Map<String, String> storedTokens() {
        return jdbi.withHandle(h -> h.createQuery("SELECT team_id, bot_token FROM slack_installation")
                .map((rs, ctx) -> Map.entry(rs.getString("team_id"), rs.getString("bot_token"))).list())
                .stream().collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
    }

    /**
     * Replaces a workspace's stored token, only if it is still {@code before}: a replica that re-encrypted it, or
     * an installation saved meanwhile, wins.
     */
    void replaceToken(String teamId, String before, String after) {
        jdbi.useHandle(h -> h.createUpdate("""
                        UPDATE slack_installation SET bot_token = :after
                        WHERE team_id = :teamId AND bot_token = :before""")
                .bind("teamId", teamId).bind("before", before).bind("after", after).execute());
    }

    void addState(String state, Instant expiresAt) {
        jdbi.useHandle(h -> h.createUpdate("INSERT INTO slack_oauth_state (state, expires_at) VALUES (:state, :expiresAt)")
                .bind("state", state).bind("expiresAt", expiresAt).execute());
    }

    boolean stateIsValid(String state, Instant now) {
        return jdbi.withHandle(h -> h.createQuery(
                        "SELECT count(*) > 0 FROM slack_oauth_state WHERE state = :state AND expires_at > :now")
                .bind("state", state).bind("now", now).mapTo(Boolean.class).one());
    }

    void deleteState(String state, Instant now) {
        jdbi.useHandle(h -> h.createUpdate("DELETE FROM slack_oauth_state WHERE state = :state OR expires_at <= :now")
                .bind("state", state).bind("now", now).execute());
    }
}
