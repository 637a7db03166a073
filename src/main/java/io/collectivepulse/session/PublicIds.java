package io.collectivepulse.session;

import java.security.SecureRandom;
import java.util.Base64;
import java.util.regex.Pattern;

/** The unguessable ids of calendar addresses: a session's file and a community's feed token. */
final class PublicIds {
    /** 128 random bits, URL-safe base64: what an address must look like before the database is asked. */
    private static final Pattern PUBLIC_ID = Pattern.compile("[A-Za-z0-9_-]{22}");

    private final SecureRandom random = new SecureRandom();

    /** A new id: 128 random bits, URL-safe base64 without padding. */
    String next() {
        byte[] bytes = new byte[16];
        random.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    /** Whether {@code id} looks like one, so that the database is asked only then. */
    static boolean looksValid(String id) {
        return PUBLIC_ID.matcher(id).matches();
    }
}
