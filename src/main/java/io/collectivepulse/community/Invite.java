package io.collectivepulse.community;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * A one-time code that links another channel to a community, such as {@code K7QF-M2XD}: eight characters
 * without look-alikes (no 0/O, 1/I/L, U), about 39 bits of chance. Only its SHA-256 is stored, so the
 * database never holds a usable code; a typed code is looked up by its hash, so how long the lookup takes depends
 * on the hash, not on how many characters of the guess match a real code. Guessing is limited by
 * {@link InvitationTries}.
 */
public record Invite(String code, Instant expiresAt) {
    public static final Duration VALIDITY = Duration.ofDays(7);
    private static final String ALPHABET = "ABCDEFGHJKMNPQRSTVWXYZ23456789";
    private static final Pattern SHAPE = Pattern.compile("[A-Za-z0-9]{4}-[A-Za-z0-9]{4}");

    static Invite generate(SecureRandom random, Instant now) {
        var code = new StringBuilder(9);
        for (int i = 0; i < 8; i++) {
            if (i == 4) {
                code.append('-');
            }
            code.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
        }
        return new Invite(code.toString(), now.plus(VALIDITY));
    }

    /** True when {@code text} has the shape of a code, so that {@code lier <text>} means joining, not creating. */
    public static boolean looksLikeCode(String text) {
        return SHAPE.matcher(text.strip()).matches();
    }

    /** The stored form of a code as typed: upper-cased, without the dash, hashed. */
    static String hash(String typed) {
        String normalized = typed.strip().replace("-", "").toUpperCase(Locale.ROOT);
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(normalized.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }
}
