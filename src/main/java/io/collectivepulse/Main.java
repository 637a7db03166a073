package io.collectivepulse;

import java.time.Clock;
import org.slf4j.LoggerFactory;

/** Reads the configuration from the environment and starts the service; a bad value exits with one line. */
public final class Main {
    private Main() {
    }

    public static void main(String[] args) {
        Config config;
        try {
            config = Config.fromEnv(System.getenv());
        } catch (ConfigException e) {
            // Not through the logger: a bad LOG_FORMAT leaves it without an appender, and this line must show.
            System.err.println("Configuration error: " + e.getMessage());
            System.exit(2);
            return;
        }
        Application app;
        try {
            app = Application.start(config, Clock.systemUTC());
        } catch (RuntimeException e) {
            // One line, in the log's format, without the stack trace: the message says what to fix.
            LoggerFactory.getLogger(Main.class).error("Collective Pulse could not start: {}", rootMessage(e));
            System.exit(1);
            return;
        }
        Runtime.getRuntime().addShutdownHook(new Thread(app::close, "shutdown"));
    }

    private static String rootMessage(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root == e ? String.valueOf(e.getMessage()) : e.getMessage() + " (" + root.getMessage() + ")";
    }
}
