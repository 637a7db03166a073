package io.collectivepulse.session;

import io.collectivepulse.when.WhenRefusal;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The link of a session (its video call): only absolute http and https addresses with a host, and no user
 * name or password before the host ({@code https://good.example@evil.example}), are accepted.
 */
final class WhenLink {
    static final int MAX_LENGTH = 500;
    private static final Pattern SCHEME = Pattern.compile("([a-zA-Z][a-zA-Z0-9+.-]{0,19}):.*");
    /** Schemes that are links although they have no {@code //}: refused, rather than taken for a place. */
    private static final Set<String> BARE_SCHEMES =
            Set.of("javascript", "data", "vbscript", "file", "blob", "about", "mailto", "tel", "sms");

    private WhenLink() {
    }

    /** True when the word is meant as a link, whether or not it is one that is accepted. */
    static boolean isMeantAsOne(String word) {
        Matcher scheme = SCHEME.matcher(word);
        return word.contains("://") || word.toLowerCase(Locale.ROOT).startsWith("www.")
                || (scheme.matches() && BARE_SCHEMES.contains(scheme.group(1).toLowerCase(Locale.ROOT)));
    }

    /**
     * The link, ASCII-only (non-ASCII characters percent-encoded), as it is stored.
     *
     * @throws WhenRefusal when it is not an http(s) address with a host, or is too long
     */
    static String check(String typed) {
        Matcher scheme = SCHEME.matcher(typed);
        String name = scheme.matches() ? scheme.group(1).toLowerCase(Locale.ROOT) : "";
        if (!name.isEmpty() && !name.equals("http") && !name.equals("https")) {
            throw new WhenRefusal("session.when.link.scheme", name);
        }
        URI uri;
        try {
            uri = new URI(typed);
        } catch (URISyntaxException e) {
            throw new WhenRefusal("session.when.link.invalid");
        }
        if (name.isEmpty() || uri.getHost() == null || uri.getRawUserInfo() != null) {
            throw new WhenRefusal("session.when.link.invalid");
        }
        String link = uri.toASCIIString();
        if (link.length() > MAX_LENGTH) {
            throw new WhenRefusal("session.when.link.tooLong", link.length(), MAX_LENGTH);
        }
        return link;
    }
}
