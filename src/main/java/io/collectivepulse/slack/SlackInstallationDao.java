package io.collectivepulse.slack;

import java.time.Instant;
import java.util.Optional;
import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.customizer.BindMethods;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

/** SQL for Slack installations (one bot token per workspace) and OAuth states. */
@RegisterConstructorMapper(SlackInstallationDao.Installation.class)
public interface SlackInstallationDao {

    /** One workspace's installation. */
    record Installation(String teamId, String enterpriseId, String appId, String botId, String botUserId,
                        String botScope, String botToken, String installerUserId, Instant installedAt) {
        @Override
        public String toString() {
            return "Installation[team=" + teamId + ", bot=" + botUserId + "]";
        }
    }

    @SqlUpdate("""
            INSERT INTO slack_installation (team_id, enterprise_id, app_id, bot_id, bot_user_id, bot_scope, bot_token,
                                            installer_user_id, installed_at)
            VALUES (:teamId, :enterpriseId, :appId, :botId, :botUserId, :botScope, :botToken, :installerUserId,
                    :installedAt)
            ON CONFLICT (team_id) DO UPDATE SET enterprise_id = EXCLUDED.enterprise_id, app_id = EXCLUDED.app_id,
                bot_id = EXCLUDED.bot_id, bot_user_id = EXCLUDED.bot_user_id, bot_scope = EXCLUDED.bot_scope,
                bot_token = EXCLUDED.bot_token, installer_user_id = EXCLUDED.installer_user_id,
                installed_at = EXCLUDED.installed_at
            """)
    void save(@BindMethods Installation installation);

    @SqlQuery("SELECT * FROM slack_installation WHERE team_id = :teamId")
    Optional<Installation> find(@Bind("teamId") String teamId);

    @SqlUpdate("DELETE FROM slack_installation WHERE team_id = :teamId")
    void delete(@Bind("teamId") String teamId);

    @SqlUpdate("INSERT INTO slack_oauth_state (state, expires_at) VALUES (:state, :expiresAt)")
    void addState(@Bind("state") String state, @Bind("expiresAt") Instant expiresAt);

    @SqlQuery("SELECT count(*) > 0 FROM slack_oauth_state WHERE state = :state AND expires_at > :now")
    boolean stateIsValid(@Bind("state") String state, @Bind("now") Instant now);

    @SqlUpdate("DELETE FROM slack_oauth_state WHERE state = :state OR expires_at <= :now")
    void deleteState(@Bind("state") String state, @Bind("now") Instant now);
}
