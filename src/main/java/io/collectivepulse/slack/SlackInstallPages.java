package io.collectivepulse.slack;

import com.slack.api.bolt.AppConfig;
import io.collectivepulse.Config;
import io.collectivepulse.i18n.Messages;
import io.javalin.http.Context;
import io.javalin.http.Handler;
import java.net.URI;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The pages a workspace administrator sees while installing the app, in French or English ({@code ?lang=en}, or the
 * browser's Accept-Language): {@code GET /slack/install} says in plain words what each requested scope lets the app
 * do and shows the "Add to Slack" button, which starts Bolt's OAuth flow; the success and failure pages replace
 * Bolt's own (English only). Every text comes from the bundles, HTML-escaped.
 */
final class SlackInstallPages {
    static final String START_PATH = "/slack/install/start";
    static final String DONE_PATH = "/slack/install/done";
    static final String FAILED_PATH = "/slack/install/failed";
    private static final List<Locale> LANGUAGES = List.of(Messages.FRENCH, Locale.ENGLISH);
    private static final String BUTTON = "https://platform.slack-edge.com/img/add_to_slack.png";
    private static final String STYLE = "body{font-family:system-ui,sans-serif;max-width:36rem;margin:3rem auto;"
            + "padding:0 1rem;color:#1d1c1d;line-height:1.5}h1{color:#1f4e79;font-size:1.6rem}"
            + "li{margin:.4rem 0}nav{margin-top:2rem;font-size:.9rem}";
    private final List<String> scopes;

    /** {@code scopes}: the bot scopes the app asks for, each explained on the page. */
    SlackInstallPages(List<String> scopes) {
        this.scopes = scopes;
    }

    /**
     * OAuth through Bolt: our page at {@code /slack/install} links to Bolt's start ({@link SlackInstallPages#START_PATH}),
     * which issues the state and its cookie and sends the browser to Slack; Bolt's default callback handlers, which
     * save the installation, then send it to our success or failure page instead of rendering their own.
     */
    static void oauth(AppConfig.AppConfigBuilder builder, Config.Slack config, Optional<URI> baseUrl,
                      List<String> scopes, String redirectPath) {
        builder.clientId(config.clientId()).clientSecret(config.clientSecret()).scope(String.join(",", scopes))
                .oauthInstallPath(START_PATH).oauthRedirectUriPath(redirectPath)
                .oAuthInstallPageRenderingEnabled(false)
                .oauthCompletionUrl(baseUrl.map(url -> url.resolve(DONE_PATH).toString())
                        .orElse(DONE_PATH))
                .oauthCancellationUrl(baseUrl.map(url -> url.resolve(FAILED_PATH).toString())
                        .orElse(FAILED_PATH));
        baseUrl.ifPresent(url -> builder.redirectUri(url.resolve(redirectPath).toString()));
    }

    Handler install() {
        return ctx -> {
            Messages messages = Messages.of(language(ctx));
            String list = scopes.stream().map(scope -> "<li>" + escape(messages.get(key(scope))) + "</li>")
                    .collect(Collectors.joining());
            String button = "<p><a href=\"" + START_PATH + "\"><img alt=\"" + escape(messages.get("install.button"))
                    + "\" height=\"40\" width=\"139\" src=\"" + BUTTON + "\" srcset=\"" + BUTTON + " 1x, "
                    + BUTTON.replace(".png", "@2x.png") + " 2x\"></a></p>";
            ctx.html(page(ctx, messages, "install.title", "<p>" + escape(messages.get("install.intro")) + "</p><h2>"
                    + escape(messages.get("install.abilities")) + "</h2><ul>" + list + "</ul>" + button));
        };
    }

    Handler done() {
        return ctx -> {
            Messages messages = Messages.of(language(ctx));
            ctx.html(page(ctx, messages, "install.done.title",
                    "<p>" + escape(messages.get("install.done.body")) + "</p>"));
        };
    }

    Handler failed() {
        return ctx -> {
            Messages messages = Messages.of(language(ctx));
            ctx.status(400).html(page(ctx, messages, "install.failed.title", "<p>"
                    + escape(messages.get("install.failed.body")) + "</p><p><a href=\"" + SlackBridge.INSTALL_PATH
                    + "\">" + escape(messages.get("install.failed.retry")) + "</a></p>"));
        };
    }

    /** The bundle key that explains a scope: {@code chat:write.public} is {@code install.scope.chat_write_public}. */
    static String key(String scope) {
        return "install.scope." + scope.replace(':', '_').replace('.', '_');
    }

    /**
     * A whole page. It may not be framed elsewhere (a page could otherwise overlay its button and trick a click), and
     * loads nothing but the button's image.
     */
    private static String page(Context ctx, Messages messages, String title, String body) {
        ctx.header("X-Frame-Options", "DENY");
        ctx.header("Content-Security-Policy", "default-src 'none'; img-src https://platform.slack-edge.com;"
                + " style-src 'unsafe-inline'; frame-ancestors 'none'");
        Locale other = messages.locale().getLanguage().equals("fr") ? Locale.ENGLISH : Messages.FRENCH;
        String switchLink = "<nav><a href=\"" + ctx.path() + "?lang=" + other.getLanguage() + "\" lang=\""
                + other.getLanguage() + "\">" + escape(Messages.of(other).get("install.language")) + "</a></nav>";
        return "<!DOCTYPE html><html lang=\"" + messages.locale().getLanguage() + "\"><head><meta charset=\"utf-8\">"
                + "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\"><title>"
                + escape(messages.get(title)) + "</title><style>" + STYLE + "</style></head><body><h1>"
                + escape(messages.get(title)) + "</h1>" + body + switchLink + "</body></html>";
    }

    /** {@code ?lang=fr|en} first, then the browser's preferred languages; French when neither says. */
    static Locale language(Context ctx) {
        String asked = ctx.queryParam("lang");
        if (asked != null) {
            return LANGUAGES.stream().filter(l -> l.getLanguage().equals(asked)).findFirst().orElse(Messages.FRENCH);
        }
        String accept = ctx.header("Accept-Language");
        if (accept == null || accept.isBlank()) {
            return Messages.FRENCH;
        }
        try {
            Locale best = Locale.lookup(Locale.LanguageRange.parse(accept), LANGUAGES);
            return best == null ? Messages.FRENCH : best;
        } catch (IllegalArgumentException e) {
            return Messages.FRENCH;
        }
    }

    static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;")
                .replace("'", "&#39;");
    }
}
