package io.collectivepulse.community;

import io.collectivepulse.chat.Actor;
import io.collectivepulse.chat.ChannelRef;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalTime;
import java.util.List;
import java.time.ZoneId;
import java.util.Locale;
import java.util.Optional;
import org.jdbi.v3.core.mapper.RowMapper;
import org.jdbi.v3.core.statement.StatementContext;
import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.config.RegisterRowMapper;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.statement.GetGeneratedKeys;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;
import org.jdbi.v3.sqlobject.transaction.Transaction;

/** SQL for communities, their linked channels and their members. */
@RegisterRowMapper(CommunityDao.CommunityMapper.class)
public interface CommunityDao {

    @SqlQuery("""
            SELECT c.* FROM community c
            JOIN channel_link l ON l.community_id = c.id
            WHERE l.platform = :platform AND l.workspace_id = :workspaceId AND l.channel_id = :channelId
            """)
    Optional<Community> findByChannel(@Bind("platform") String platform, @Bind("workspaceId") String workspaceId,
                                      @Bind("channelId") String channelId);

    default Optional<Community> findByChannel(ChannelRef channel) {
        return findByChannel(channel.platform().id(), channel.workspaceId(), channel.channelId());
    }

    @SqlUpdate("INSERT INTO community (name, locale, time_zone, created_at) VALUES (:name, :locale, :timeZone, :now)")
    @GetGeneratedKeys("id")
    long insertCommunity(@Bind("name") String name, @Bind("locale") String locale, @Bind("timeZone") String timeZone,
                         @Bind("now") Instant now);

    @SqlUpdate("""
            INSERT INTO channel_link (platform, workspace_id, channel_id, community_id, linked_by, linked_at)
            VALUES (:platform, :workspaceId, :channelId, :communityId, :linkedBy, :now)
            ON CONFLICT DO NOTHING
            """)
    int insertLink(@Bind("platform") String platform, @Bind("workspaceId") String workspaceId,
                   @Bind("channelId") String channelId, @Bind("communityId") long communityId,
                   @Bind("linkedBy") String linkedBy, @Bind("now") Instant now);

    @SqlUpdate("""
            INSERT INTO member (community_id, platform, workspace_id, user_id, display_name, role, joined_at)
            VALUES (:communityId, :platform, :workspaceId, :userId, :displayName, :role, :now)
            ON CONFLICT (community_id, platform, workspace_id, user_id) DO UPDATE
              SET display_name = EXCLUDED.display_name,
                  role = CASE WHEN member.role = 'facilitator' THEN member.role ELSE EXCLUDED.role END
            """)
    void upsertMember(@Bind("communityId") long communityId, @Bind("platform") String platform,
                      @Bind("workspaceId") String workspaceId, @Bind("userId") String userId,
                      @Bind("displayName") String displayName, @Bind("role") String role, @Bind("now") Instant now);

    @SqlQuery("SELECT * FROM community WHERE id = :id")
    Optional<Community> findById(@Bind("id") long id);

    /**
     * Creates a community, links the channel to it and makes the actor its facilitator, all or nothing.
     * Returns empty, creating nothing, when the channel is already linked (even by a concurrent call).
     */
    @Transaction
    default Optional<Community> createLinked(String name, Locale locale, ZoneId zone, ChannelRef channel, Actor actor,
                                             Instant now) {
        long id = insertCommunity(name, locale.toLanguageTag(), zone.getId(), now);
        if (insertLink(channel.platform().id(), channel.workspaceId(), channel.channelId(), id, actor.userId(), now)
                == 0) {
            throw new AlreadyLinked();
        }
        upsertMember(id, actor.platform().id(), actor.workspaceId(), actor.userId(), actor.displayName(),
                Role.FACILITATOR.id(), now);
        return findById(id);
    }

    @SqlQuery("""
            SELECT role FROM member
            WHERE community_id = :communityId AND platform = :platform AND workspace_id = :workspaceId
              AND user_id = :userId
            """)
    Optional<String> role(@Bind("communityId") long communityId, @Bind("platform") String platform,
                          @Bind("workspaceId") String workspaceId, @Bind("userId") String userId);

    @SqlUpdate("""
            INSERT INTO invite (code_hash, community_id, created_by, created_at, expires_at)
            VALUES (:hash, :communityId, :createdBy, :now, :expiresAt)
            """)
    void insertInvite(@Bind("hash") String hash, @Bind("communityId") long communityId,
                      @Bind("createdBy") String createdBy, @Bind("now") Instant now,
                      @Bind("expiresAt") Instant expiresAt);

    @SqlQuery("SELECT community_id, expires_at, used_at FROM invite WHERE code_hash = :hash FOR UPDATE")
    @RegisterConstructorMapper(InviteRow.class)
    Optional<InviteRow> lockInvite(@Bind("hash") String hash);

    @SqlUpdate("UPDATE invite SET used_at = :now, used_in = :usedIn WHERE code_hash = :hash")
    void markInviteUsed(@Bind("hash") String hash, @Bind("now") Instant now, @Bind("usedIn") String usedIn);

    /** An invitation as stored. */
    record InviteRow(long communityId, Instant expiresAt, Instant usedAt) {
    }

    /** How redeeming an invitation ended. */
    enum Redeemed { JOINED, UNKNOWN, EXPIRED, USED, CHANNEL_ALREADY_LINKED }

    /**
     * Links the channel to the invitation's community and makes the actor a facilitator there, using the code up;
     * all or nothing. A code can be used once, before it expires, even by concurrent calls.
     */
    @Transaction
    default Redeemed redeem(String hash, ChannelRef channel, Actor actor, Instant now) {
        Optional<InviteRow> invite = lockInvite(hash);
        if (invite.isEmpty()) {
            return Redeemed.UNKNOWN;
        }
        if (invite.get().usedAt() != null) {
            return Redeemed.USED;
        }
        if (!invite.get().expiresAt().isAfter(now)) {
            return Redeemed.EXPIRED;
        }
        long communityId = invite.get().communityId();
        if (insertLink(channel.platform().id(), channel.workspaceId(), channel.channelId(), communityId,
                actor.userId(), now) == 0) {
            return Redeemed.CHANNEL_ALREADY_LINKED;
        }
        markInviteUsed(hash, now, channel.platform().id() + ":" + channel.workspaceId() + ":" + channel.channelId());
        upsertMember(communityId, actor.platform().id(), actor.workspaceId(), actor.userId(), actor.displayName(),
                Role.FACILITATOR.id(), now);
        return Redeemed.JOINED;
    }

    @SqlUpdate("UPDATE community SET locale = :locale WHERE id = :id")
    void setLocale(@Bind("id") long id, @Bind("locale") String locale);

    @SqlUpdate("UPDATE community SET time_zone = :zone WHERE id = :id")
    void setTimeZone(@Bind("id") long id, @Bind("zone") String zone);

    @SqlUpdate("""
            UPDATE community SET digest_day = :day, digest_time = :time, digest_enabled = :enabled WHERE id = :id
            """)
    void setDigest(@Bind("id") long id, @Bind("day") int isoDay, @Bind("time") LocalTime time,
                   @Bind("enabled") boolean enabled);

    @SqlQuery("""
            SELECT platform, workspace_id, channel_id FROM channel_link
            WHERE community_id = :communityId ORDER BY linked_at, platform, channel_id
            """)
    @RegisterConstructorMapper(LinkedChannel.class)
    List<LinkedChannel> channels(@Bind("communityId") long communityId);

    @SqlQuery("SELECT * FROM community ORDER BY id")
    List<Community> all();

    /**
     * Communities whose weekly digest is on but has no Quartz job (created before digests existed, or restored
     * from a backup without the scheduler's tables). Reads Quartz's job table, where the digest jobs are named
     * {@code community-<id>} in the group {@code digest}.
     */
    @SqlQuery("""
            SELECT c.* FROM community c
            WHERE c.digest_enabled AND NOT EXISTS (
                SELECT 1 FROM qrtz_job_details j
                WHERE j.job_group = 'digest' AND j.job_name = 'community-' || c.id)
            ORDER BY c.id
            """)
    List<Community> withoutDigestJob();

    /** A channel linked to a community, as stored. */
    record LinkedChannel(String platform, String workspaceId, String channelId) {
        ChannelRef ref() {
            return new ChannelRef(io.collectivepulse.chat.Platform.fromId(platform), workspaceId, channelId);
        }
    }

    /** Rolls back {@link #createLinked} when the channel turned out to be linked already. */
    final class AlreadyLinked extends RuntimeException {
        AlreadyLinked() {
            super("channel already linked", null, false, false);
        }
    }

    /** Maps a community row. */
    final class CommunityMapper implements RowMapper<Community> {
        @Override
        public Community map(ResultSet rs, StatementContext ctx) throws SQLException {
            return new Community(rs.getLong("id"), rs.getString("name"), Locale.forLanguageTag(rs.getString("locale")),
                    ZoneId.of(rs.getString("time_zone")), rs.getTimestamp("created_at").toInstant(),
                    DayOfWeek.of(rs.getInt("digest_day")), rs.getObject("digest_time", LocalTime.class),
                    rs.getBoolean("digest_enabled"));
        }
    }
}
