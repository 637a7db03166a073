package io.collectivepulse.community;

import io.collectivepulse.chat.Actor;
import io.collectivepulse.chat.ChannelRef;
import io.collectivepulse.chat.Platform;
import io.collectivepulse.db.Database;
import io.collectivepulse.db.Rows;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.mapper.RowMapper;

/**
 * SQL for communities, their linked channels and invitations (fluent Jdbi, see {@code SignalDao}). Calls made
 * inside {@link Database#inTransaction} join that transaction.
 */
final class CommunityDao {
    private static final RowMapper<Community> COMMUNITY = (rs, ctx) -> new Community(rs.getLong("id"),
            rs.getString("name"), Locale.forLanguageTag(rs.getString("locale")), ZoneId.of(rs.getString("time_zone")),
            Rows.instant(rs, "created_at"));

    private static final String BY_CHANNEL = """
            SELECT c.* FROM community c
            JOIN channel_link l ON l.community_id = c.id
            WHERE l.platform = :platform AND l.workspace_id = :workspaceId AND l.channel_id = :channelId
            """;

    private final Jdbi jdbi;

    CommunityDao(Database database) {
        this.jdbi = database.jdbi();
    }

    Optional<Community> findByChannel(ChannelRef channel) {
        return jdbi.withHandle(h -> h.createQuery(BY_CHANNEL)
                .bind("platform", channel.platform().id()).bind("workspaceId", channel.workspaceId())
                .bind("channelId", channel.channelId())
                .map(COMMUNITY).findOne());
    }

    Optional<Community> findById(long id) {
        return jdbi.withHandle(h -> h.createQuery("SELECT * FROM community WHERE id = :id")
                .bind("id", id).map(COMMUNITY).findOne());
    }

    /**
     * Creates a community, links the channel to it and makes the actor its facilitator, all or nothing.
     * Returns empty, creating nothing, when the channel is already linked (even by a concurrent call).
     */
    Optional<Community> createLinked(String name, Locale locale, ZoneId zone, ChannelRef channel, Actor actor,
                                     Instant now) {
        return jdbi.inTransaction(h -> {
            long id = h.createUpdate("""
                            INSERT INTO community (name, locale, time_zone, created_at)
                            VALUES (:name, :locale, :timeZone, :now)
                            """)
                    .bind("name", name).bind("locale", locale.toLanguageTag()).bind("timeZone", zone.getId())
                    .bind("now", now)
                    .executeAndReturnGeneratedKeys("id").mapTo(Long.class).one();
            if (insertLink(h, channel, id, actor, now) == 0) {
                // Linked meanwhile by someone else: the community just inserted goes, whatever transaction this is.
                h.createUpdate("DELETE FROM community WHERE id = :id").bind("id", id).execute();
                return Optional.<Community>empty();
            }
            upsertFacilitator(h, id, actor, now);
            return findById(id);
        });
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

    private static void upsertFacilitator(Handle h, long communityId, Actor actor, Instant now) {
        h.createUpdate(MemberDao.UPSERT).bindMap(MemberDao.binds(communityId, actor, Role.FACILITATOR, now)).execute();
    }

    void insertInvite(String hash, long communityId, Actor issuer, Instant now, Instant expiresAt) {
        jdbi.useHandle(h -> h.createUpdate("""
                        INSERT INTO invite (code_hash, community_id, created_by, created_in, created_at, expires_at)
                        VALUES (:hash, :communityId, :createdBy, :createdIn, :now, :expiresAt)
                        """)
                .bind("hash", hash).bind("communityId", communityId).bind("createdBy", issuedBy(issuer))
                .bind("createdIn", issuer.workspaceId()).bind("now", now).bind("expiresAt", expiresAt)
                .execute());
    }

    /** How {@code invite.created_by} names a facilitator. */
    private static String issuedBy(Actor actor) {
        return actor.platform().id() + ":" + actor.userId();
    }

    /** How redeeming an invitation ended. */
    enum Redeemed { JOINED, UNKNOWN, EXPIRED, USED, CHANNEL_ALREADY_LINKED }

    /** How redeeming an invitation ended, and whether the actor is the facilitator who issued it. */
    record Redemption(Redeemed outcome, boolean byIssuer) {
    }

    /**
     * Links the channel to the invitation's community and makes the actor a facilitator there, using the code up;
     * all or nothing. A code can be used once, before it expires, even by concurrent calls. Whatever the outcome, the
     * code is looked up once, by its hash, with the same statement.
     */
    Redemption redeem(String hash, ChannelRef channel, Actor actor, Instant now) {
        return jdbi.inTransaction(h -> {
            var found = h.createQuery("SELECT community_id, created_by, created_in, expires_at, used_at FROM invite "
                            + "WHERE code_hash = :hash FOR UPDATE")
                    .bind("hash", hash)
                    .map((rs, ctx) -> new InviteRow(rs.getLong("community_id"), rs.getString("created_by"),
                            rs.getString("created_in"), Rows.instant(rs, "expires_at"), Rows.instant(rs, "used_at")))
                    .findOne();
            if (found.isEmpty()) {
                return new Redemption(Redeemed.UNKNOWN, false);
            }
            InviteRow invite = found.get();
            boolean byIssuer = invite.issuedBy(actor);
            if (invite.usedAt() != null) {
                return new Redemption(Redeemed.USED, byIssuer);
            }
            if (!invite.expiresAt().isAfter(now)) {
                return new Redemption(Redeemed.EXPIRED, byIssuer);
            }
            if (insertLink(h, channel, invite.communityId(), actor, now) == 0) {
                return new Redemption(Redeemed.CHANNEL_ALREADY_LINKED, byIssuer);
            }
            h.createUpdate("UPDATE invite SET used_at = :now, used_in = :usedIn WHERE code_hash = :hash")
                    .bind("hash", hash).bind("now", now)
                    .bind("usedIn", channel.platform().id() + ":" + channel.workspaceId() + ":" + channel.channelId())
                    .execute();
            upsertFacilitator(h, invite.communityId(), actor, now);
            return new Redemption(Redeemed.JOINED, byIssuer);
        });
    }

    /** An invitation as stored; {@code createdIn} is null for codes issued before it was recorded. */
    private record InviteRow(long communityId, String createdBy, String createdIn, Instant expiresAt, Instant usedAt) {
        boolean issuedBy(Actor actor) {
            return createdBy.equals(CommunityDao.issuedBy(actor))
                    && (createdIn == null || createdIn.equals(actor.workspaceId()));
        }
    }

    void setLocale(long id, String locale) {
        jdbi.useHandle(h -> h.createUpdate("UPDATE community SET locale = :locale WHERE id = :id")
                .bind("id", id).bind("locale", locale).execute());
    }

    void setTimeZone(long id, String zone) {
        jdbi.useHandle(h -> h.createUpdate("UPDATE community SET time_zone = :zone WHERE id = :id")
                .bind("id", id).bind("zone", zone).execute());
    }

    /** The channels linked to the community, oldest link first. */
    List<ChannelRef> channels(long communityId) {
        return jdbi.withHandle(h -> h.createQuery("""
                        SELECT platform, workspace_id, channel_id FROM channel_link
                        WHERE community_id = :communityId ORDER BY linked_at, platform, channel_id
                        """)
                .bind("communityId", communityId)
                .map((rs, ctx) -> new ChannelRef(Platform.fromId(rs.getString("platform")),
                        rs.getString("workspace_id"), rs.getString("channel_id")))
                .list());
    }

    List<Community> all() {
        return jdbi.withHandle(h -> h.createQuery("SELECT * FROM community ORDER BY id").map(COMMUNITY).list());
    }
}
