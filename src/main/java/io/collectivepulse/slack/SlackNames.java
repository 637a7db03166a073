package io.collectivepulse.slack;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.slack.api.methods.MethodsClient;
import com.slack.api.methods.SlackApiException;
import com.slack.api.methods.request.users.UsersInfoRequest;
import com.slack.api.methods.response.users.UsersInfoResponse;
import com.slack.api.model.User;
import io.collectivepulse.chat.Actor;
import io.collectivepulse.chat.People;
import io.collectivepulse.chat.Platform;
import io.collectivepulse.chat.Typed;
import io.collectivepulse.db.Database;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * Slack members' names: the display name {@code users.info} gives (else the real name, else the handle), kept in
 * {@code member_name} and in memory. {@link #known} only reads what is kept (the ack path never calls Slack);
 * {@link #current}, called while the outbox draws a card, asks Slack for a name missing or older than a day.
 *
 * <p>{@code users.info} is in Slack's Tier 4 (100 calls a minute and more, per workspace): the calls keep to a bucket
 * of that rate, and a 429 stops them in the workspace for its Retry-After. A name Slack does not give (rate limited,
 * {@code user_not_found}, {@code missing_scope} in a workspace installed before the app asked {@code users:read}, a
 * time-out) is the one kept, else the one stored with what the member did: a card is never held back for a name.
 * Failures are remembered for an hour (the member's, or the whole workspace's for its token or scopes), so that
 * redrawing a card does not ask again each time.
 */
final class SlackNames implements People.Directory {
    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(SlackNames.class);
    /** A name is asked again at the first draw a day after Slack gave it. */
    static final Duration FRESH = Duration.ofDays(1);
    /** After a failure, the member (or the workspace) is not asked again for this long. */
    static final Duration AFTER_FAILURE = Duration.ofHours(1);
    /** Tier 4: at least 100 calls a minute per workspace; short bursts of 20. */
    private static final int BURST = 20;
    private static final double PER_SECOND = 100 / 60.0;
    /** Slack's display names are at most 80 characters; real names and handles are shorter still. */
    private static final int MAX_NAME = 80;
    /** Errors that stop every call in the workspace, not only for one member. */
    private static final Set<String> WORKSPACE_ERRORS = Set.of("missing_scope", "invalid_auth", "not_authed",
            "account_inactive", "token_revoked", "no_permission", "not_installed", "team_access_not_granted",
            "ekm_access_denied", "ratelimited");

    private final MethodsClient client;
    private final Function<String, Optional<String>> tokens;
    private final MemberNameDao dao;
    private final Database database;
    private final Clock clock;
    /** Names read or fetched lately, by workspace and user: most draws and acks find them here. */
    private final Cache<String, MemberNameDao.Kept> kept = Caffeine.newBuilder()
            .maximumSize(20_000).expireAfterWrite(Duration.ofMinutes(10)).build();
    /**
     * Members with no name kept, as the database said a moment ago: a command or a click of theirs does not ask it
     * again on the ack path until then (a name fetched here clears it; one fetched by another replica shows within
     * the minute).
     */
    private final Cache<String, Boolean> unnamed = Caffeine.newBuilder()
            .maximumSize(100_000).expireAfterWrite(Duration.ofMinutes(1)).build();
    /** Until when a member or a workspace is not asked again (a failure, a Retry-After), by key. */
    private final Map<String, Instant> quietUntil = new ConcurrentHashMap<>();
    private final Map<String, Bucket> buckets = new ConcurrentHashMap<>();

    /** {@code tokens}: the bot token of a workspace, if the app is installed there. */
    SlackNames(MethodsClient client, Function<String, Optional<String>> tokens, MemberNameDao dao, Database database,
               Clock clock) {
        this.client = client;
        this.tokens = tokens;
        this.dao = dao;
        this.database = database;
        this.clock = clock;
    }

    @Override
    public Map<String, String> known(String workspaceId, Set<String> userIds) {
        Map<String, String> names = new HashMap<>();
        read(workspaceId, userIds).forEach((user, name) -> names.put(user, name.name()));
        return names;
    }

    @Override
    public Map<String, String> current(String workspaceId, Set<String> userIds) {
        Map<String, MemberNameDao.Kept> found = read(workspaceId, userIds);
        Instant now = clock.instant();
        Set<String> stale = new HashSet<>();
        for (String user : userIds) {
            MemberNameDao.Kept name = found.get(user);
            if (name == null || !name.fetchedAt().isAfter(now.minus(FRESH))) {
                stale.add(user);
            }
        }
        if (!stale.isEmpty()) {
            // Another replica may have fetched them since this one kept them in memory. Members the database had no
            // name for a moment ago are not read again at each draw: another replica's fetch shows within the minute.
            Set<String> reread = new HashSet<>();
            for (String user : stale) {
                if (unnamed.getIfPresent(key(workspaceId, user)) == null) {
                    kept.invalidate(key(workspaceId, user));
                    reread.add(user);
                }
            }
            fromDatabase(workspaceId, reread).forEach((user, name) -> {
                found.put(user, name);
                if (name.fetchedAt().isAfter(now.minus(FRESH))) {
                    stale.remove(user);
                }
            });
        }
        Map<String, String> names = new HashMap<>();
        found.forEach((user, name) -> names.put(user, name.name()));
        for (String user : stale) {
            fetch(workspaceId, user, now).ifPresent(name -> names.put(user, name));
        }
        return names;
    }

    /**
     * The member behind a request, with the name kept for them, else {@code handle} (the legacy handle a payload
     * carries, or null for the user id): on the ack path, so Slack is never asked.
     */
    Actor actor(String workspaceId, String userId, String handle) {
        String name = known(workspaceId, Set.of(userId)).get(userId);
        return new Actor(Platform.SLACK, workspaceId, userId, name != null ? name : handle);
    }

    /** Forgets the names of a workspace that removed the app. */
    void forget(String workspaceId) {
        kept.asMap().keySet().removeIf(key -> key.startsWith(workspaceId + "/"));
        try {
            dao.forgetWorkspace(workspaceId);
        } catch (RuntimeException e) {
            LOG.warn("Names of Slack workspace {} not forgotten: {}", workspaceId, e.toString());
        }
    }

    /** What is kept for {@code userIds}: in memory, else in the database (nothing when it does not answer). */
    private Map<String, MemberNameDao.Kept> read(String workspaceId, Set<String> userIds) {
        Map<String, MemberNameDao.Kept> found = new HashMap<>();
        Set<String> missing = new HashSet<>();
        for (String user : userIds) {
            MemberNameDao.Kept name = kept.getIfPresent(key(workspaceId, user));
            if (name != null) {
                found.put(user, name);
            } else if (unnamed.getIfPresent(key(workspaceId, user)) == null) {
                missing.add(user);
            }
        }
        found.putAll(fromDatabase(workspaceId, missing));
        return found;
    }

    private Map<String, MemberNameDao.Kept> fromDatabase(String workspaceId, Set<String> userIds) {
        if (userIds.isEmpty() || !database.isUp()) {
            return Map.of();
        }
        try {
            Map<String, MemberNameDao.Kept> found = dao.find(workspaceId, userIds);
            found.forEach((user, name) -> kept.put(key(workspaceId, user), name));
            userIds.stream().filter(user -> !found.containsKey(user))
                    .forEach(user -> unnamed.put(key(workspaceId, user), Boolean.TRUE));
            return found;
        } catch (RuntimeException e) {
            LOG.warn("Names of Slack members not read: {}", e.toString());
            return Map.of();
        }
    }

    /** Asks Slack for the member's name and keeps it; empty when Slack does not give it now. */
    private Optional<String> fetch(String workspaceId, String userId, Instant now) {
        String memberKey = key(workspaceId, userId);
        if (quiet(workspaceId) || quiet(memberKey) || !bucket(workspaceId).take()) {
            return Optional.empty();
        }
        Optional<String> token = tokens.apply(workspaceId);
        if (token.isEmpty()) {
            quietFor(workspaceId, AFTER_FAILURE);
            return Optional.empty();
        }
        UsersInfoResponse answer;
        try {
            answer = client.usersInfo(UsersInfoRequest.builder().token(token.get()).user(userId).build());
        } catch (SlackApiException e) {
            if (e.getResponse().code() == 429) {
                quietFor(workspaceId, SlackSdk.retryAfter(e));
            } else {
                quietFor(memberKey, AFTER_FAILURE);
            }
            LOG.info("users.info for {} in {} failed: HTTP {}", userId, workspaceId, e.getResponse().code());
            return Optional.empty();
        } catch (IOException | RuntimeException e) {
            quietFor(memberKey, AFTER_FAILURE);
            LOG.info("users.info for {} in {} failed: {}", userId, workspaceId, e.toString());
            return Optional.empty();
        }
        if (!answer.isOk() || answer.getUser() == null) {
            String error = answer.getError();
            quietFor(WORKSPACE_ERRORS.contains(error) ? workspaceId : memberKey, AFTER_FAILURE);
            LOG.info("users.info for {} in {} refused: {}", userId, workspaceId, error);
            return Optional.empty();
        }
        Optional<String> name = nameOf(answer.getUser());
        name.ifPresent(n -> {
            var fetched = new MemberNameDao.Kept(n, now);
            kept.put(memberKey, fetched);
            unnamed.invalidate(memberKey);
            try {
                dao.save(workspaceId, userId, n, now);
            } catch (RuntimeException e) {
                LOG.warn("Name of Slack member {} not kept: {}", userId, e.toString());
            }
        });
        return name;
    }

    /** The display name, else the real name, else the handle; cleaned and cut to Slack's own limit. */
    static Optional<String> nameOf(User user) {
        User.Profile profile = user.getProfile();
        for (String candidate : new String[] {profile == null ? null : profile.getDisplayName(),
                profile == null ? null : profile.getRealName(), user.getRealName(), user.getName()}) {
            String clean = Typed.clean(candidate);
            if (clean != null && !clean.isBlank()) {
                clean = clean.strip();
                return Optional.of(clean.codePointCount(0, clean.length()) <= MAX_NAME ? clean
                        : clean.substring(0, clean.offsetByCodePoints(0, MAX_NAME)));
            }
        }
        return Optional.empty();
    }

    private void quietFor(String key, Duration duration) {
        quietUntil.put(key, clock.instant().plus(duration));
    }

    private boolean quiet(String key) {
        Instant until = quietUntil.get(key);
        if (until == null) {
            return false;
        }
        if (clock.instant().isBefore(until)) {
            return true;
        }
        quietUntil.remove(key, until);
        return false;
    }

    private Bucket bucket(String workspaceId) {
        return buckets.computeIfAbsent(workspaceId, w -> new Bucket());
    }

    private static String key(String workspaceId, String userId) {
        return workspaceId + "/" + userId;
    }


    /** Tier 4's rate for one workspace, in real time: a call is made now or not at all. */
    private static final class Bucket {
        private double tokens = BURST;
        private long last = System.nanoTime();

        synchronized boolean take() {
            long now = System.nanoTime();
            tokens = Math.min(BURST, tokens + (now - last) / 1e9 * PER_SECOND);
            last = now;
            if (tokens < 1) {
                return false;
            }
            tokens -= 1;
            return true;
        }
    }
}
