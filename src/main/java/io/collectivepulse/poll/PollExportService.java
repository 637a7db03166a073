package io.collectivepulse.poll;

import io.collectivepulse.chat.Actor;
import io.collectivepulse.community.Community;
import io.collectivepulse.community.CommunityService;
import io.collectivepulse.db.Database;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Polls' CSV files ({@code /sondage export <n°>}): a facilitator gets a link, unguessable, used once and valid
 * {@link #VALIDITY}; whoever follows it first gets the poll as it stands then. The database keeps only the SHA-256
 * of the link's token. What an export holds is what the commands show: the counts, and who chose what only for a
 * poll that is not anonymous.
 */
public final class PollExportService {
    /** Where the files are served: {@code BASE_URL} followed by this and the token. */
    public static final String FILES = "/exports/";
    static final Duration VALIDITY = Duration.ofMinutes(15);
    private static final int TOKEN_BYTES = 32;
    /** 256 bits in URL-safe base64 without padding: what a token must look like before the database is asked. */
    private static final Pattern TOKEN = Pattern.compile("[A-Za-z0-9_-]{43}");

    private final Database database;
    private final CommunityService communities;
    private final Clock clock;
    private final Optional<URI> baseUrl;
    private final PollDao polls;
    private final VoteDao votes;
    private final PollExportDao dao;
    private final SecureRandom random = new SecureRandom();

    /** {@code baseUrl}: where the service is reached from the Internet (BASE_URL); without it, no link. */
    public PollExportService(Database database, CommunityService communities, Clock clock, Optional<URI> baseUrl) {
        this.database = database;
        this.communities = communities;
        this.clock = clock;
        this.baseUrl = baseUrl;
        this.polls = new PollDao(database);
        this.votes = new VoteDao(database);
        this.dao = new PollExportDao(database);
    }

    /** A link made for a facilitator: the poll and the address of its file. */
    record Link(Poll poll, String url) {
    }

    /** {@code /sondage export <n°>}, facilitators only: a new link to the poll's file, open or closed. */
    Polled<Link> link(Community community, Actor actor, int number) {
        return database.inTransaction(() -> {
            if (!communities.isFacilitator(community, actor)) {
                return Polled.<Link>refused("poll.export.facilitatorsOnly");
            }
            if (baseUrl.isEmpty()) {
                return Polled.<Link>refused("poll.export.noBaseUrl");
            }
            Optional<Poll> found = polls.byNumber(community.id(), number);
            if (found.isEmpty()) {
                return Polled.<Link>refused("poll.notFound", number);
            }
            String token = newToken();
            dao.insert(sha256(token), found.get().id(), clock.instant().plus(VALIDITY));
            return Polled.done(new Link(found.get(), baseUrl.get().resolve(FILES + token).toString()));
        });
    }

    /**
     * Uses the link: the poll's file as it stands now, or empty when the token is unknown, already used or expired
     * (nothing tells which). Of two requests at the same moment, only one gets the file.
     */
    public Optional<PollExport> redeem(String token) {
        if (token == null || !TOKEN.matcher(token).matches()) {
            return Optional.empty();
        }
        Instant now = clock.instant();
        return database.inTransaction(() -> dao.redeem(sha256(token), now).flatMap(polls::find)
                .flatMap(poll -> communities.find(poll.communityId()).map(community -> export(community, poll, now))));
    }

    /** Forgets the links that have expired, for the housekeeping job. */
    public void forgetExpired() {
        dao.forgetExpired(clock.instant());
    }

    private PollExport export(Community community, Poll poll, Instant now) {
        Tally tally = polls.tally(poll.id());
        // An anonymous poll has no names to give; it is not even asked for them.
        Map<Integer, List<String>> names = poll.anonymous() ? Map.of() : votes.names(poll.id());
        List<PollExport.Option> options = tally.options().stream()
                .map(option -> new PollExport.Option(option.label(), option.votes(), tally.percent(option),
                        names.getOrDefault(option.position(), List.of())))
                .toList();
        return new PollExport(community, poll, now, tally.voters(), options);
    }

    private String newToken() {
        byte[] bytes = new byte[TOKEN_BYTES];
        random.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    private static byte[] sha256(String token) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.US_ASCII));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has SHA-256", e);
        }
    }
}
