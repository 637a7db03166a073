package io.collectivepulse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ConfigTest {

    @Test
    void defaultsNeedNoEnvironmentAtAll() {
        Config config = Config.fromEnv(Map.of());
        assertThat(config.port()).isEqualTo(3000);
        assertThat(config.database()).isEmpty();
        assertThat(config.dataDir()).isEqualTo(Path.of("./data"));
        assertThat(config.slack()).isEmpty();
        assertThat(config.teams().authenticated()).isFalse();
        assertThat(config.teams().openIdMetadataUrl())
                .isEqualTo("https://login.botframework.com/v1/.well-known/openidconfiguration");
        assertThat(config.teams().loginUrl()).isEqualTo("https://login.microsoftonline.com");
        assertThat(config.defaultLocale()).isEqualTo(Locale.FRENCH);
        assertThat(config.defaultTimeZone()).isEqualTo(ZoneId.of("Europe/Paris"));
        assertThat(config.slackStatus()).contains("SLACK_SIGNING_SECRET");
    }

    @Test
    void acceptsTheUsualPostgresUrlShapes() {
        assertThat(Config.jdbcUrl("postgres://db.example:5433/pulse?sslmode=require"))
                .isEqualTo("jdbc:postgresql://db.example:5433/pulse?sslmode=require");
        assertThat(Config.jdbcUrl("jdbc:postgresql://localhost/pulse")).isEqualTo("jdbc:postgresql://localhost/pulse");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "PORT|abc|PORT",
        "PORT|70000|PORT",
        "DATABASE_URL|mysql://x/y|DATABASE_URL",
        "DATABASE_URL|not a url|DATABASE_URL",
        "DATABASE_URL|jdbc:postgresql://host|DATABASE_URL",
        "SLACK_API_URL|ftp://x|SLACK_API_URL",
        "BOTFRAMEWORK_OPENID_METADATA_URL|login.botframework.com|BOTFRAMEWORK_OPENID_METADATA_URL",
        "MICROSOFT_LOGIN_URL|ftp://login.example|MICROSOFT_LOGIN_URL",
        "BASE_URL|nope|BASE_URL",
        "DEFAULT_LOCALE|de|DEFAULT_LOCALE",
        "DEFAULT_TIME_ZONE|Mars/Olympus|DEFAULT_TIME_ZONE",
        "SLACK_SIGNING_SECRET|s3cret|SLACK_BOT_TOKEN",
        "SLACK_CLIENT_ID|123.456|SLACK_CLIENT_SECRET",
        "SLACK_CLIENT_SECRET|abc|SLACK_CLIENT_ID",
        "MICROSOFT_APP_ID|abc|MICROSOFT_APP_PASSWORD"})
    void aBadValueNamesItsVariable(String variable, String value, String named) {
        assertThatThrownBy(() -> Config.fromEnv(Map.of(variable, value)))
                .isInstanceOf(ConfigException.class)
                .hasMessageStartingWith(named);
    }

    @Test
    void slackIsEitherOneWorkspaceWithATokenOrSeveralThroughOAuth() {
        Config one = Config.fromEnv(Map.of("SLACK_SIGNING_SECRET", "s", "SLACK_BOT_TOKEN", "xoxb-1"));
        assertThat(one.slack().orElseThrow().distributed()).isFalse();
        Config several = Config.fromEnv(Map.of("SLACK_SIGNING_SECRET", "s", "SLACK_CLIENT_ID", "1.2",
                "SLACK_CLIENT_SECRET", "client-secret", "PULSE_ENCRYPTION_KEY", KEY));
        assertThat(several.slack().orElseThrow().distributed()).isTrue();
        assertThat(several.toString()).doesNotContain("client-secret");
        assertThatThrownBy(() -> Config.fromEnv(Map.of("SLACK_SIGNING_SECRET", "s", "SLACK_BOT_TOKEN", "xoxb-1",
                "SLACK_CLIENT_ID", "1.2", "SLACK_CLIENT_SECRET", "c")))
                .isInstanceOf(ConfigException.class).hasMessageStartingWith("SLACK_BOT_TOKEN must not be set");
        assertThatThrownBy(() -> Config.fromEnv(Map.of("SLACK_CLIENT_ID", "1.2", "SLACK_CLIENT_SECRET", "c")))
                .isInstanceOf(ConfigException.class).hasMessageStartingWith("SLACK_SIGNING_SECRET");
    }

    /** 32 bytes in base64, as PULSE_ENCRYPTION_KEY must be. */
    private static final String KEY = "AAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHh8=";

    @Test
    void oAuthRefusesToStartWithoutAnEncryptionKeyForTheTokensItStores() {
        Map<String, String> oauth = Map.of("SLACK_SIGNING_SECRET", "s", "SLACK_CLIENT_ID", "1.2",
                "SLACK_CLIENT_SECRET", "c");
        assertThatThrownBy(() -> Config.fromEnv(oauth)).isInstanceOf(ConfigException.class)
                .hasMessageStartingWith("PULSE_ENCRYPTION_KEY must be set with SLACK_CLIENT_ID")
                .hasMessageNotContaining("\n");
        for (String bad : List.of("not base64 at all!", "c2hvcnQ=", KEY + KEY)) {
            var env = new java.util.HashMap<>(oauth);
            env.put("PULSE_ENCRYPTION_KEY", bad);
            assertThatThrownBy(() -> Config.fromEnv(env)).isInstanceOf(ConfigException.class)
                    .hasMessageStartingWith("PULSE_ENCRYPTION_KEY must be 32 bytes in base64")
                    .hasMessageNotContaining(bad);
        }
        var keyed = new java.util.HashMap<>(oauth);
        keyed.put("PULSE_ENCRYPTION_KEY", KEY);
        Config config = Config.fromEnv(keyed);
        assertThat(config.slack().orElseThrow().encryptionKey()).isEqualTo(KEY);
        assertThat(config.toString()).doesNotContain(KEY);
        // One workspace with its token stores nothing: no key needed.
        assertThat(Config.fromEnv(Map.of("SLACK_SIGNING_SECRET", "s", "SLACK_BOT_TOKEN", "xoxb-1")).slack()
                .orElseThrow().encryptionKey()).isEmpty();
    }

    @Test
    void secretsNeverShowInToString() {
        Config config = Config.fromEnv(Map.of("SLACK_SIGNING_SECRET", "topsecret", "SLACK_BOT_TOKEN", "xoxb-secret",
                "MICROSOFT_APP_ID", "id", "MICROSOFT_APP_PASSWORD", "pw-secret",
                "DATABASE_URL", "postgres://h/db", "DATABASE_PASSWORD", "db-secret"));
        assertThat(config.toString()).doesNotContain("topsecret", "xoxb-secret", "pw-secret", "db-secret");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "postgresql://user:s3cretPassw0rd@host",
        "postgresql://user:s3cretPassw0rd@",
        "mysql://user:s3cretPassw0rd@host/db",
        "user:s3cretPassw0rd@host/db",
        "postgresql://user:s3cret/Passw0rd@host",
        "jdbc:postgresql://host?user=u&password=s3cretPassw0rd",
        "postgresql://user:s3cret Passw0rd@host/db"})
    void aBadDatabaseUrlIsRefusedWithoutItsPassword(String url) {
        assertThatThrownBy(() -> Config.fromEnv(Map.of("DATABASE_URL", url)))
                .isInstanceOf(ConfigException.class)
                .hasMessageStartingWith("DATABASE_URL")
                .hasMessageNotContaining("s3cret")
                .hasMessageNotContaining("Passw0rd");
    }

    @Test
    void theUserAndPasswordOfADatabaseUrlAreUsedAndNeverShown() {
        Config config = Config.fromEnv(Map.of("DATABASE_URL", "postgresql://pulse:s3cret%40Passw0rd@db.example/pulse"));
        Config.Database database = config.database().orElseThrow();
        assertThat(database.jdbcUrl()).isEqualTo("jdbc:postgresql://db.example/pulse");
        assertThat(database.user()).isEqualTo("pulse");
        assertThat(database.password()).isEqualTo("s3cret@Passw0rd");
        assertThat(config.toString()).doesNotContain("s3cret");

        Config overridden = Config.fromEnv(Map.of("DATABASE_URL", "postgres://a:b@h/db", "DATABASE_USER", "c",
                "DATABASE_PASSWORD", "d"));
        assertThat(overridden.database().orElseThrow()).extracting(Config.Database::user, Config.Database::password)
                .containsExactly("c", "d");

        Config inQuery = Config.fromEnv(Map.of("DATABASE_URL", "postgres://h/db?user=u&password=s3cret&ssl=true"));
        assertThat(inQuery.toString()).doesNotContain("s3cret").contains("password=***", "ssl=true");
    }

    @Test
    void theMetricsTokenIsReadAndNeverShownAndLogFormatIsJsonOrText() {
        Config config = Config.fromEnv(Map.of("METRICS_TOKEN", "scrape-s3cret", "LOG_FORMAT", "text"));
        assertThat(config.metricsToken().orElseThrow().value()).isEqualTo("scrape-s3cret");
        assertThat(config.toString()).doesNotContain("scrape-s3cret");
        assertThat(Config.fromEnv(Map.of()).metricsToken()).isEmpty();
        assertThatThrownBy(() -> Config.fromEnv(Map.of("LOG_FORMAT", "xml")))
                .isInstanceOf(ConfigException.class).hasMessageStartingWith("LOG_FORMAT");
    }

    @Test
    void mainExitsNonZeroWithOneLineNamingPort() throws IOException, InterruptedException {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        var process = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"), Main.class.getName())
                .redirectErrorStream(true);
        process.environment().clear();
        process.environment().put("PORT", "abc");
        Process running = process.start();
        assertThat(running.waitFor(60, TimeUnit.SECONDS)).isTrue();
        String output = new String(running.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
        assertThat(running.exitValue()).isNotZero();
        assertThat(output.lines().toList()).hasSize(1);
        assertThat(output).contains("PORT", "abc").doesNotContain("Exception", "\tat ");
        assertThat(List.of(output)).allMatch(line -> !line.isBlank());
    }
}
