package io.collectivepulse;

import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Everything the service reads from its environment, validated once at start.
 *
 * @param port             HTTP port, 0 for any free port
 * @param baseUrl          public URL of the service, used in links and manifests
 * @param database         an external PostgreSQL, or empty to start the embedded one
 * @param dataDir          where the embedded PostgreSQL keeps its data
 * @param slack            Slack credentials, or empty when Slack is not configured
 * @param teams            Bot Framework credentials; empty app id means Emulator mode
 * @param defaultLocale    language of new communities
 * @param defaultTimeZone  time zone of new communities
 * @param metricsToken     the bearer token {@code GET /metrics} requires, or empty to serve it to anyone who can
 *                         reach the port
 */
public record Config(
        int port,
        Optional<URI> baseUrl,
        Optional<Database> database,
        Path dataDir,
        Optional<Slack> slack,
        Teams teams,
        Locale defaultLocale,
        ZoneId defaultTimeZone,
        Optional<MetricsToken> metricsToken) {

    public static final String DEFAULT_SLACK_API_URL = "https://slack.com/api/";
    public static final String DEFAULT_BOTFRAMEWORK_OPENID_METADATA_URL =
            "https://login.botframework.com/v1/.well-known/openidconfiguration";
    public static final String DEFAULT_MICROSOFT_LOGIN_URL = "https://login.microsoftonline.com";
    private static final Set<String> LOCALES = Set.of("fr", "en");
    /** What LOG_FORMAT may say; logback.xml reads it, this only refuses anything else at start. */
    private static final Set<String> LOG_FORMATS = Set.of("json", "text");

    /** An external PostgreSQL server. */
    public record Database(String jdbcUrl, String user, String password) {
        @Override
        public String toString() {
            return "Database[" + redacted(jdbcUrl) + ", user=" + user + "]";
        }
    }

    /** The token a scraper of {@code GET /metrics} must send as {@code Authorization: Bearer <token>}. */
    public record MetricsToken(String value) {
        @Override
        public String toString() {
            return "MetricsToken[redacted]";
        }
    }

    /**
     * Slack app credentials and the Web API base URL (tests point it at a local server). Either a bot token
     * (one workspace), or an OAuth client id and secret (any number of workspaces, installed at
     * {@code /slack/install}); the unused one is "". With OAuth, {@code encryptionKey} (PULSE_ENCRYPTION_KEY, 32
     * bytes in base64) encrypts the workspaces' bot tokens in the database; "" with a single bot token, which is
     * never stored.
     */
    public record Slack(String signingSecret, String botToken, String apiUrl, String clientId, String clientSecret,
                        String encryptionKey) {
        public Slack(String signingSecret, String botToken, String apiUrl) {
            this(signingSecret, botToken, apiUrl, "", "", "");
        }

        /** True when workspaces install the app through OAuth, each with its own bot token. */
        public boolean distributed() {
            return !clientId.isEmpty();
        }

        @Override
        public String toString() {
            return "Slack[apiUrl=" + apiUrl + (distributed() ? ", clientId=" + clientId : "") + "]";
        }
    }

    /**
     * Bot Framework credentials, both empty in Emulator mode, and the two Microsoft endpoints they are used with
     * (tests point them at local servers).
     *
     * @param openIdMetadataUrl where the keys that sign the Bot Connector's requests are published
     * @param loginUrl          the Microsoft identity platform, which issues the bot's own tokens; no trailing slash
     */
    public record Teams(String appId, String appPassword, String tenantId, String openIdMetadataUrl, String loginUrl) {
        public boolean authenticated() {
            return !appId.isEmpty();
        }

        @Override
        public String toString() {
            return "Teams[appId=" + appId + ", tenantId=" + tenantId + ", openIdMetadataUrl=" + openIdMetadataUrl
                    + ", loginUrl=" + loginUrl + "]";
        }
    }

    /** Reads and validates the configuration; throws {@link ConfigException} naming the first bad variable. */
    public static Config fromEnv(Map<String, String> env) {
        var vars = new Vars(env);
        checkLogFormat(vars);
        return new Config(
                vars.port(),
                vars.optional("BASE_URL").map(v -> httpUrl("BASE_URL", v)),
                database(vars),
                Path.of(vars.optional("PULSE_DATA_DIR").orElse("./data")),
                slack(vars),
                teams(vars),
                locale(vars.optional("DEFAULT_LOCALE").orElse("fr")),
                zone(vars.optional("DEFAULT_TIME_ZONE").orElse("Europe/Paris")),
                vars.optional("METRICS_TOKEN").map(MetricsToken::new));
    }

    /** The Slack state as a startup log line: enabled, or which variable is missing. */
    public String slackStatus() {
        if (slack.isEmpty()) {
            return "disabled (set SLACK_SIGNING_SECRET and SLACK_BOT_TOKEN, or SLACK_CLIENT_ID and SLACK_CLIENT_SECRET)";
        }
        return slack.get().distributed() ? "enabled for every workspace that installs it at /slack/install"
                : "enabled for one workspace (SLACK_BOT_TOKEN)";
    }

    /** The Teams state as a startup log line. */
    public String teamsStatus() {
        return teams.authenticated()
                ? "enabled (Bot Framework authentication on)"
                : "enabled in Emulator mode, loopback callers only (set MICROSOFT_APP_ID and MICROSOFT_APP_PASSWORD)";
    }

    /**
     * DATABASE_URL, with the user and password it may carry ({@code postgres://user:password@host/db}, as hosted
     * PostgreSQL services hand it out); DATABASE_USER and DATABASE_PASSWORD win over them.
     */
    private static Optional<Database> database(Vars vars) {
        return vars.optional("DATABASE_URL").map(url -> {
            URI uri = databaseUri(url);
            String[] userInfo = uri.getUserInfo() == null ? new String[0] : uri.getUserInfo().split(":", 2);
            return new Database(jdbcUrl(uri),
                    vars.optional("DATABASE_USER").orElse(userInfo.length > 0 ? userInfo[0] : ""),
                    vars.optional("DATABASE_PASSWORD").orElse(userInfo.length > 1 ? userInfo[1] : ""));
        });
    }

    /**
     * LOG_FORMAT is read by logback.xml, before this runs: an unknown value would leave the service without any log
     * line, so it is refused here, at start.
     */
    private static void checkLogFormat(Vars vars) {
        vars.optional("LOG_FORMAT").filter(format -> !LOG_FORMATS.contains(format)).ifPresent(format -> {
            throw new ConfigException("LOG_FORMAT", "must be json or text", format);
        });
    }

    private static Optional<Slack> slack(Vars vars) {
        var secret = vars.optional("SLACK_SIGNING_SECRET");
        var token = vars.optional("SLACK_BOT_TOKEN");
        String apiUrl = httpUrl("SLACK_API_URL", vars.optional("SLACK_API_URL").orElse(DEFAULT_SLACK_API_URL)).toString();
        var clientId = vars.optional("SLACK_CLIENT_ID");
        var clientSecret = vars.optional("SLACK_CLIENT_SECRET");
        if (clientId.isPresent() != clientSecret.isPresent()) {
            throw new ConfigException((clientId.isPresent() ? "SLACK_CLIENT_SECRET" : "SLACK_CLIENT_ID")
                    + " must be set too: installing in several workspaces needs both SLACK_CLIENT_ID and SLACK_CLIENT_SECRET");
        }
        if (clientId.isPresent() && token.isPresent()) {
            throw new ConfigException("SLACK_BOT_TOKEN must not be set with SLACK_CLIENT_ID: each workspace gets its"
                    + " own token when it installs the app at /slack/install");
        }
        boolean credentials = token.isPresent() || clientId.isPresent();
        if (secret.isPresent() != credentials) {
            throw new ConfigException((secret.isPresent() ? "SLACK_BOT_TOKEN" : "SLACK_SIGNING_SECRET")
                    + " must be set too: Slack needs SLACK_SIGNING_SECRET with SLACK_BOT_TOKEN (one workspace)"
                    + " or with SLACK_CLIENT_ID and SLACK_CLIENT_SECRET (several)");
        }
        String url = apiUrl.endsWith("/") ? apiUrl : apiUrl + "/";
        String key = clientId.isPresent() ? encryptionKey(vars) : "";
        return secret.map(s -> new Slack(s, token.orElse(""), url, clientId.orElse(""), clientSecret.orElse(""),
                key));
    }

    /**
     * PULSE_ENCRYPTION_KEY, required with OAuth: the bot tokens that workspaces give at installation are kept in the
     * database, encrypted with it. The refusal never prints the value.
     */
    private static String encryptionKey(Vars vars) {
        String key = vars.optional("PULSE_ENCRYPTION_KEY").orElseThrow(() -> new ConfigException(
                "PULSE_ENCRYPTION_KEY must be set with SLACK_CLIENT_ID: it encrypts the workspaces' bot tokens in the"
                        + " database (32 random bytes in base64: openssl rand -base64 32)"));
        byte[] bytes;
        try {
            bytes = java.util.Base64.getDecoder().decode(key);
        } catch (IllegalArgumentException e) {
            bytes = new byte[0];
        }
        if (bytes.length != 32) {
            throw new ConfigException("PULSE_ENCRYPTION_KEY must be 32 bytes in base64 (openssl rand -base64 32);"
                    + " the value set is not");
        }
        return key;
    }

    private static Teams teams(Vars vars) {
        String id = vars.optional("MICROSOFT_APP_ID").orElse("");
        String password = vars.optional("MICROSOFT_APP_PASSWORD").orElse("");
        if (id.isEmpty() != password.isEmpty()) {
            throw new ConfigException((id.isEmpty() ? "MICROSOFT_APP_ID" : "MICROSOFT_APP_PASSWORD")
                    + " must be set too: Bot Framework authentication needs both MICROSOFT_APP_ID and MICROSOFT_APP_PASSWORD");
        }
        String metadata = httpUrl("BOTFRAMEWORK_OPENID_METADATA_URL", vars.optional("BOTFRAMEWORK_OPENID_METADATA_URL")
                .orElse(DEFAULT_BOTFRAMEWORK_OPENID_METADATA_URL)).toString();
        String login = httpUrl("MICROSOFT_LOGIN_URL", vars.optional("MICROSOFT_LOGIN_URL")
                .orElse(DEFAULT_MICROSOFT_LOGIN_URL)).toString();
        return new Teams(id, password, vars.optional("MICROSOFT_APP_TENANT_ID").orElse(""), metadata,
                login.endsWith("/") ? login.substring(0, login.length() - 1) : login);
    }

    /** Accepts jdbc:postgresql://…, postgres://… and postgresql://… URLs; the JDBC URL has no user or password. */
    static String jdbcUrl(String value) {
        return jdbcUrl(databaseUri(value));
    }

    private static String jdbcUrl(URI uri) {
        String port = uri.getPort() > 0 ? ":" + uri.getPort() : "";
        String query = uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery();
        return "jdbc:postgresql://" + uri.getHost() + port + uri.getRawPath() + query;
    }

    /** DATABASE_URL as a URI; a bad one is refused with its password hidden, since the refusal is printed. */
    private static URI databaseUri(String value) {
        String url = value.startsWith("jdbc:") ? value.substring(5) : value;
        try {
            URI uri = new URI(url);
            if (uri.getScheme() != null && Set.of("postgres", "postgresql").contains(uri.getScheme())
                    && uri.getHost() != null && uri.getPath() != null && uri.getPath().length() >= 2) {
                return uri;
            }
        } catch (URISyntaxException e) {
            // Refused below, like any other shape.
        }
        throw new ConfigException("DATABASE_URL", "must look like jdbc:postgresql://host:5432/database",
                redacted(value));
    }

    /**
     * A database URL fit to print: what stands between the user's {@code :} and the last {@code @} (the password of
     * {@code user:password@host}, however odd its characters) and any {@code password=} parameter become
     * {@code ***}. Applied to valid and invalid URLs alike, since a malformed one is still someone's password.
     */
    static String redacted(String url) {
        String shown = url;
        int slashes = url.indexOf("//");
        int from = slashes < 0 ? 0 : slashes + 2;
        int at = url.lastIndexOf('@');
        int colon = url.indexOf(':', from);
        if (at > from && colon >= 0 && colon < at) {
            shown = url.substring(0, colon + 1) + "***" + url.substring(at);
        }
        return shown.replaceAll("(?i)(password=)[^&;]*", "$1***");
    }

    private static URI httpUrl(String variable, String value) {
        try {
            URI uri = new URI(value);
            if (uri.getScheme() == null || !Set.of("http", "https").contains(uri.getScheme()) || uri.getHost() == null) {
                throw new ConfigException(variable, "must be an http(s) URL", value);
            }
            return uri;
        } catch (URISyntaxException e) {
            throw new ConfigException(variable, "must be an http(s) URL", value);
        }
    }

    private static Locale locale(String value) {
        if (!LOCALES.contains(value)) {
            throw new ConfigException("DEFAULT_LOCALE", "must be fr or en", value);
        }
        return Locale.forLanguageTag(value);
    }

    private static ZoneId zone(String value) {
        try {
            return ZoneId.of(value);
        } catch (DateTimeException e) {
            throw new ConfigException("DEFAULT_TIME_ZONE", "must be a time zone such as Europe/Paris", value);
        }
    }

    private record Vars(Map<String, String> env) {
        Optional<String> optional(String name) {
            return Optional.ofNullable(env.get(name)).map(String::trim).filter(v -> !v.isEmpty());
        }

        int port() {
            String value = optional("PORT").orElse("3000");
            try {
                int port = Integer.parseInt(value);
                if (port < 0 || port > 65535) {
                    throw new NumberFormatException();
                }
                return port;
            } catch (NumberFormatException e) {
                throw new ConfigException("PORT", "must be a whole number between 0 and 65535", value);
            }
        }
    }
}
