package io.collectivepulse.chat;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;
import java.util.Objects;

/**
 * A real link in a card: an http(s) address and the readable text it is shown as. Renderers write it as the
 * platform's own link ({@code <url|text>} in Slack, a {@code TextRun} with an {@code Action.OpenUrl} in Teams), with
 * the text escaped: a member never makes a link by typing markup, only by giving an address the service checked.
 *
 * @param url  the address, http or https
 * @param text what the link reads, plain text
 */
public record Link(String url, String text) {
    /** How long a readable text made from an address may be. */
    public static final int MAX_TEXT = 60;

    public Link {
        Objects.requireNonNull(url, "url");
        text = text == null || text.isBlank() ? readable(url) : text;
    }

    /** A link to {@code url} reading as its host and path, shortened ({@code insee.fr/statistiques/…}). */
    public static Link to(String url) {
        return new Link(url, readable(url));
    }

    /** The host (without {@code www.}) and the path of an address, cut to {@link #MAX_TEXT} characters. */
    static String readable(String url) {
        String text;
        try {
            URI uri = new URI(url);
            String host = uri.getHost() == null ? "" : uri.getHost().toLowerCase(Locale.ROOT);
            host = host.startsWith("www.") ? host.substring(4) : host;
            String path = uri.getPath() == null ? "" : uri.getPath();
            path = path.endsWith("/") ? path.substring(0, path.length() - 1) : path;
            text = host.isEmpty() ? url : host + path;
        } catch (URISyntaxException e) {
            // Not an address java.net.URI reads (a space, a "<"): the same, by hand.
            text = url.replaceFirst("^(?i)https?://(www\\.)?", "").replaceFirst("[?#].*$", "")
                    .replaceFirst("/$", "");
        }
        return text.length() <= MAX_TEXT ? text : text.substring(0, MAX_TEXT - 1) + "…";
    }
}
