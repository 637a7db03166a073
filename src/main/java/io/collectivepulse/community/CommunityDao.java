package io.collectivepulse.community;

import io.collectivepulse.chat.Actor;
import io.collectivepulse.chat.ChannelRef;
import io.collectivepulse.chat.Platform;
import io.collectivepulse.db.Rows;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.mapper.RowMapper;

/** SQL for communities, their linked channels, members and invitations (fluent Jdbi, see {@code SignalDao}). */
public final class CommunityDao {
    private static final RowMapper<Community> COMMUNITY = (rs, ctx) -> new Community(rs.getLong("id"),
            rs.getString("name"), Locale.forLanguageTag(rs.getString("locale")), ZoneId.of(rs.getString("time_zone")),
            Rows.instant(rs, "created_at"), DayOfWeek.of(rs.getInt("digest_day")),
            rs.getObject("digest_time", LocalTime.class), rs.getBoolean("digest_enabled"));

    private static final String BY_CHANNEL = """
            SELECT c.* FROM community c
            JOIN channel_link l ON l.community_id = c.id
            WHERE l.platform = :platform AND l.workspace_id = :workspaceId AND l.channel_id = :channelId
            """;

    private final Jdbi jdbi;

    public CommunityDao(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    public Optional<Community> findByChannel(ChannelRef channel) {
        return jdbi.withHandle(h -> h.createQuery(BY_CHANNEL)
                .bind("platform", channel.platform().id()).bind("workspaceId", channel.workspaceId())
                .bind("channelId", channel.channelId())
                .map(COMMUNITY).findOne());
    }

    public Optional<Community> findById(long id) {
        return jdbi.withHandle(h -> h.createQuery("SELECT * FROM community WHERE id = :id")
                .bind("id", id).map(COMMUNITY).findOne());
    }

    /** Adds the member, or refreshes their display name; a facilitator stays one. */
    public void upsertMember(long communityId, Actor actor, Role role, Instant now) {
        jdbi.useHandle(h -> upsertMember(h, communityId, actor, role, now));
    }

    private static void upsertMember(Handle h, long communityId, Actor actor, Role role, Instant now) {
        h.createUpdate("""
                        INSERT INTO member (community_id, platform, workspace_id, user_id, display_name, role, joined_at)
                        VALUES (:communityId, :platform, :workspaceId, :userId, :displayName, :role, :now)
                        ON CONFLICT (community_id, platform, workspace_id, user_id) DO UPDATE
                          SET display_name = EXCLUDED.display_name,
                              role = CASE WHEN member.role = 'facilitator' THEN member.role ELSE EXCLUDED.role END
                          WHERE member.display_name IS DISTINCT FROM EXCLUDED.display_name
                             OR (member.role <> 'facilitator' AND member.role IS DISTINCT FROM EXCLUDED.role)
                        """)
                .bind("communityId", communityId).bind("platform", actor.platform().id())
                .bind("workspaceId", actor.workspaceId()).bind("userId", actor.userId())
                .bind("displayName", actor.displayName()).bind("role", role.id()).bind("now", now)
                .execute();
    }

    /**
     * Creates a community, links the channel to it and makes the actor its facilitator, all or nothing.
     * Returns empty, creating nothing, when the channel is already linked (even by a concurrent call).
     */
    public Optional<Community> createLinked(String name, Locale locale, ZoneId zone, ChannelRef channel, Actor actor,
                                            Instant now) {
        try {
            return jdbi.inTransaction(h -> {
                long id = h.createUpdate("""
                                INSERT INTO community (name, locale, time_zone, created_at)
                                VALUES (:name, :locale, :timeZone, :now)
                                """)
                        .bind("name", name).bind("locale", locale.toLanguageTag()).bind("timeZone", zone.getId())
                        .bind("now", now)
                        .executeAndReturnGeneratedKeys("id").mapTo(Long.class).one();
                if (insertLink(h, channel, id, actor, now) == 0) {
                    throw new AlreadyLinked();
                }
                upsertMember(h, id, actor, Role.FACILITATOR, now);
                // Jdbi lends this transaction's handle to calls made on this thread, so the new row is visible.
                return findById(id);
            });
        } catch (AlreadyLinked e) {
            return Optional.empty();
        }
    }

    private static int insertLink(Handle h, ChannelRef channel, long communityId, Actor actor, Instant now) {
        return h.createUpdate("""
                        INSERT INTO channel_link (platform, workspace_id, channel_id, community_id, linked_by, linked_at)
                        VALUES (:platform, :workspaceId, :channelId, :communityId, :linkedBy, :now)
                        ON CONFLICT DO NOTHING
                        """)
                .bind("platform", channel.platform().id()).bind("workspaceId", channel.workspaceId())
                .bind("channelId", channel.channelId()).bind("communityId", communityId)
                .bind("linkedBy", actor.userId()).bind("now", now)
                .execute();
    }

    public Optional<String> role(long communityId, Actor actor) {
        return jdbi.withHandle(h -> h.createQuery("""
                        SELECT role FROM member
                        WHERE community_id = :communityId AND platform = :platform AND workspace_id = :workspaceId
                          AND user_id = :userId
                        """)
                .bind("communityId", communityId).bind("platform", actor.platform().id())
                .bind("workspaceId", actor.workspaceId()).bind("userId", actor.userId())
                .mapTo(String.class).findOne());
    }

    public void insertInvite(String hash, long communityId, String createdBy, Instant now, Instant expiresAt) {
        jdbi.useHandle(h -> h.createUpdate("""
                        INSERT INTO invite (code_hash, community_id, created_by, created_at, expires_at)
                        VALUES (:hash, :communityId, :createdBy, :now, :expiresAt)
                        """)
                .bind("hash", hash).bind("communityId", communityId).bind("createdBy", createdBy)
                .bind("now", now).bind("expiresAt", expiresAt)
                .execute());
    }

    /** How redeeming an invitation ended. */
    enum Redeemed { JOINED, UNKNOWN, EXPIRED, USED, CHANNEL_ALREADY_LINKED }

    /**
     * Links the channel to the invitation's community and makes the actor a facilitator there, using the code up;
     * all or nothing. A code can be used once, before it expires, even by concurrent calls.
     */
    public Redeemed redeem(String hash, ChannelRef channel, Actor actor, Instant now) {
        return jdbi.inTransaction(h -> {
            var invite = h.createQuery("SELECT community_id, expires_at, used_at FROM invite "
                            + "WHERE code_hash = :hash FOR UPDATE")
                    .bind("hash", hash)
                    .map((rs, ctx) -> new InviteRow(rs.getLong("community_id"), Rows.instant(rs, "expires_at"),
                            Rows.instant(rs, "used_at")))
                    .findOne();
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
            if (insertLink(h, channel, communityId, actor, now) == 0) {
                return Redeemed.CHANNEL_ALREADY_LINKED;
            }
            h.createUpdate("UPDATE invite SET used_at = :now, used_in = :usedIn WHERE code_hash = :hash")
                    .bind("hash", hash).bind("now", now)
                    .bind("usedIn", channel.platform().id() + ":" + channel.workspaceId() + ":" + channel.channelId())
                    .execute();
            upsertMember(h, communityId, actor, Role.FACILITATOR, now);
            return Redeemed.JOINED;
        });
    }

    /** An invitation as stored. */
    private record InviteRow(long communityId, Instant expiresAt, Instant usedAt) {
    }

    public void setLocale(long id, String locale) {
        jdbi.useHandle(h -> h.createUpdate("UPDATE community SET locale = :locale WHERE id = :id")
                .bind("id", id).bind("locale", locale).execute());
    }

    public void setTimeZone(long id, String zone) {
        jdbi.useHandle(h -> h.createUpdate("UPDATE community SET time_zone = :zone WHERE id = :id")
                .bind("id", id).bind("zone", zone).execute());
    }

    public void setDigest(long id, int isoDay, LocalTime time, boolean enabled) {
        jdbi.useHandle(h -> h.createUpdate("""
                        UPDATE community SET digest_day = :day, digest_time = :time, digest_enabled = :enabled
                        WHERE id = :id
                        """)
                .bind("id", id).bind("day", isoDay).bind("time", time).bind("enabled", enabled)
                .execute());
    }

    /** The channels linked to the community, oldest link first. */
    public List<ChannelRef> channels(long communityId) {
        return jdbi.withHandle(h -> h.createQuery("""
                        SELECT platform, workspace_id, channel_id FROM channel_link
                        WHERE community_id = :communityId ORDER BY linked_at, platform, channel_id
                        """)
                .bind("communityId", communityId)
                .map((rs, ctx) -> new ChannelRef(Platform.fromId(rs.getString("platform")),
                        rs.getString("workspace_id"), rs.getString("channel_id")))
                .list());
    }

    public List<Community> all() {
        return jdbi.withHandle(h -> h.createQuery("SELECT * FROM community ORDER BY id").map(COMMUNITY).list());
    }

    /**
     * Communities whose weekly digest is on but has no Quartz job (created before digests existed, or restored
     * from a backup without the scheduler's tables). Reads Quartz's job table, where the digest jobs are named
     * {@code community-<id>} in the group {@code digest}.
     */
    public List<Community> withoutDigestJob() {
        return jdbi.withHandle(h -> h.createQuery("""
                        SELECT c.* FROM community c
                        WHERE c.digest_enabled AND NOT EXISTS (
                            SELECT 1 FROM qrtz_job_details j
                            WHERE j.job_group = 'digest' AND j.job_name = 'community-' || c.id)
                        ORDER BY c.id
                        """)
                .map(COMMUNITY).list());
    }

    /** Rolls back {@link #createLinked} when the channel turned out to be linked already. */
    private static final class AlreadyLinked extends RuntimeException {
        AlreadyLinked() {
            super("channel already linked", null, false, false);
        }
    }
}
