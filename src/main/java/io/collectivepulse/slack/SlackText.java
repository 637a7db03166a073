package io.collectivepulse.slack;

/**
 * Slack mrkdwn escaping. Member text goes through {@link #escape} before it reaches a message, so that
 * {@code <!channel>}, {@code <@U123>} or {@code <https://evil|cliquez>} show literally instead of pinging
 * or hiding a link.
 */
final class SlackText {
    private SlackText() {
    }

    /** Slack sends {@code &}, {@code <} and {@code >} typed by a person as entities; this restores them. */
    static String unescape(String text) {
        return text == null ? "" : text.replace("&lt;", "<").replace("&gt;", ">").replace("&amp;", "&");
    }

    static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }

    /**
     * A Slack date token, {@code <!date^1765225440^{date_long} à {time}|8 décembre 2026 à 21 h 24>}: Slack shows
     * the moment in the reader's time zone as {@code format} says, or {@code fallback} where it cannot. Both are
     * the bot's own words; the fallback is escaped and loses any {@code |} or {@code ^} that would end it early.
     */
    static String dateToken(long epochSecond, String format, String fallback) {
        String safeFormat = format.replaceAll("[<>|^&]", "");
        String safeFallback = escape(fallback.replace("|", "").replace("^", ""));
        return "<!date^" + epochSecond + "^" + safeFormat + "|" + safeFallback + ">";
    }

    /**
     * Cuts escaped text to at most {@code max} characters, never inside an entity such as {@code &amp;},
     * ending with an ellipsis when something was cut.
     */
    static String fit(String escaped, int max) {
        if (escaped.length() <= max) {
            return escaped;
        }
        int end = max - 1;
        int amp = escaped.lastIndexOf('&', end - 1);
        if (amp >= 0 && escaped.indexOf(';', amp) >= end) {
            end = amp;
        }
        if (Character.isLowSurrogate(escaped.charAt(end))) {
            end--;
        }
        return escaped.substring(0, end) + "…";
    }
}
