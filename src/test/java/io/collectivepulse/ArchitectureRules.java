package io.collectivepulse;

import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAnyPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.simpleNameEndingWith;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.lang.ArchRule;
import java.util.List;
import java.util.stream.Stream;
import org.quartz.Job;

/**
 * The architecture of Collective Pulse as ArchUnit rules on compiled classes. Each rule is built for a root
 * package, so that the same rule runs on the production classes ({@code io.collectivepulse}, see
 * {@link ArchitectureTest}) and on fixtures that show it can fail (see {@link ArchitectureRulesTest}).
 *
 * <p>Every rule only looks at classes under its root; the root package itself holds the wiring and may depend
 * on anything, except where a rule names it. A package under the root that is in none of the lists below fails
 * {@link #everyClassResidesInAKnownPackage}: classify it here, and every rule takes it into account.
 */
final class ArchitectureRules {
    /** One package per feature, named in the users' words: add a feature here when its package lands. */
    static final List<String> FEATURES = List.of("community", "signal", "digest", "session", "poll", "welcome");

    /** The chat adapters: the only packages that know a chat platform's SDK and wire format. */
    static final List<String> CHAT_ADAPTERS = List.of("slack", "teams");

    /**
     * Every adapter: the chat adapters, {@code calendar}, which writes sessions as iCalendar files,
     * {@code spreadsheet}, which writes polls as CSV files, and {@code metrics}, which publishes the counts the core
     * keeps in Prometheus' format. Each translates between the platform-neutral core and a wire format; nothing in
     * the core knows them.
     */
    static final List<String> ADAPTERS = concat(CHAT_ADAPTERS, List.of("calendar", "spreadsheet", "metrics"));

    /**
     * Where features register their commands, buttons, forms and help. Today's package is {@code command}; it is
     * being renamed {@code router}: drop {@code command} once the rename has landed.
     */
    static final List<String> ROUTER = List.of("router");

    /**
     * What several features share without depending on each other: {@code when} reads the dates, times and
     * durations people type (sessions and polls) and writes them back. Features may import it; it imports no
     * feature, adapter or library.
     */
    static final List<String> SHARED = List.of("when");

    /** The shared packages between the features and the adapters, the router's names included. */
    static final List<String> CORE =
            concat(concat(List.of("chat"), ROUTER), concat(List.of("i18n", "db", "schedule", "delivery"), SHARED));

    /** The platform SDKs and the HTTP server: what the adapters (and the wiring) are for. */
    private static final String[] PLATFORMS = {"com.slack..", "com.microsoft.bot..", "io.javalin.."};

    /**
     * The libraries that read and write what goes over the wire to Slack and Teams. {@code tools.jackson..} is
     * Jackson 3, on the class path through Javalin 7: the same library under its new package name.
     */
    private static final String[] WIRE_FORMATS = {
            "com.slack..", "com.microsoft.bot..", "com.fasterxml.jackson..", "tools.jackson..", "com.google.gson.."};

    private ArchitectureRules() {
    }

    /**
     * Rule 1: no class in a feature or in {@link #CORE} depends on a class in the root's adapters ({@code slack},
     * {@code teams}, {@code calendar}, {@code spreadsheet}), nor on {@code com.slack..},
     * {@code com.microsoft.bot..} or {@code io.javalin..}.
     */
    static ArchRule featuresAndCoreDoNotKnowAdapters(String root) {
        String[] forbidden = concat(packages(root, ADAPTERS), PLATFORMS);
        return noClasses().that().resideInAnyPackage(packages(root, concat(FEATURES, CORE)))
                .should().dependOnClassesThat().resideInAnyPackage(forbidden)
                .because("features and the shared packages speak the platform-neutral chat vocabulary; only the"
                        + " adapters know Slack, Teams and HTTP, so that a platform can change without touching them");
    }

    /**
     * Rule 2: under the root, only classes whose simple name ends with {@code Dao} and classes in the root's
     * {@code db} package (and its sub-packages) depend on {@code org.jdbi..}.
     */
    static ArchRule onlyDaosAndDbUseJdbi(String root) {
        return noClasses().that().resideInAPackage(root + "..")
                .and().haveSimpleNameNotEndingWith("Dao")
                .and().resideOutsideOfPackage(root + ".db..")
                .should().dependOnClassesThat().resideInAPackage("org.jdbi..")
                .because("SQL lives in one XxxDao per feature, and the database is opened in db; a service"
                        + " passes the transaction's handle along without calling Jdbi itself");
    }

    /**
     * Rule 3: under the root, only classes in the chat adapters ({@code slack..}, {@code teams..}) and in
     * {@code chat..} depend on {@code com.slack..}, {@code com.microsoft.bot..}, {@code com.fasterxml.jackson..},
     * {@code tools.jackson..} or {@code com.google.gson..}. Neither the root package nor the {@code calendar}
     * adapter is an exception.
     */
    static ArchRule onlyAdaptersAndChatUseWireFormats(String root) {
        return noClasses().that().resideInAPackage(root + "..")
                .and().resideOutsideOfPackages(packages(root, concat(CHAT_ADAPTERS, List.of("chat"))))
                .should().dependOnClassesThat().resideInAnyPackage(WIRE_FORMATS)
                .because("the wire formats of Slack and Teams are read and written by the adapters alone, so the"
                        + " retired Bot Framework SDK can be replaced without touching anything else");
    }

    /** Rule 4: no cycle between the root's direct sub-packages, each taken with its own sub-packages. */
    static ArchRule subPackagesAreFreeOfCycles(String root) {
        return slices().matching(root + ".(*)..").namingSlices("$1")
                .should().beFreeOfCycles()
                .because("packages that depend on each other can only be understood, tested and changed together");
    }

    /**
     * Rule 5: the classes in the root's {@code schedule} package that implement {@link Job} depend only on
     * {@code java..}, {@code org.quartz..}, {@code org.slf4j..}, classes of the {@code schedule} package and
     * classes whose simple name ends with {@code Service}.
     */
    static ArchRule jobsOnlyCallServices(String root) {
        return classes().that().resideInAPackage(root + ".schedule..").and().implement(Job.class)
                .should().onlyDependOnClassesThat(
                        resideInAnyPackage("java..", "org.quartz..", "org.slf4j..", root + ".schedule..")
                                .or(simpleNameEndingWith("Service")))
                .because("a job calls one service method, nothing else: what it does belongs to the service,"
                        + " where it runs in a transaction and can be tested without Quartz");
    }

    /**
     * Rule 6: under the root, only the classes in the root package itself and in its {@code schedule} and
     * {@code db} packages depend on {@code org.quartz..}.
     */
    static ArchRule onlyScheduleDbAndRootUseQuartz(String root) {
        return noClasses().that().resideInAPackage(root + "..")
                .and().resideOutsideOfPackages(root, root + ".schedule..", root + ".db..")
                .should().dependOnClassesThat().resideInAPackage("org.quartz..")
                .because("features plan their work through schedule's own API; Quartz is set up in schedule,"
                        + " its tables in db, and the two are wired in the root package");
    }

    /**
     * Rule 7: every class under the root resides in the root package itself, in a feature, in {@link #CORE} or in
     * an adapter (each with its sub-packages).
     */
    static ArchRule everyClassResidesInAKnownPackage(String root) {
        String[] known = concat(new String[] {root}, packages(root, concat(FEATURES, concat(CORE, ADAPTERS))));
        return classes().that().resideInAPackage(root + "..")
                .should().resideInAnyPackage(known)
                .because("the rules above know the packages by name: a new package fails until it is classified"
                        + " in ArchitectureRules, and then every rule covers it");
    }

    /**
     * Rule 8: the classes of the features depend only on classes in {@code chat}, the router, {@code delivery},
     * {@code i18n}, {@code db}, {@code schedule}, {@link #SHARED} and the features (all under the root), and on
     * {@code java..}, {@code javax.crypto..} (the JDK's HMAC, for anonymous ballots), {@code org.slf4j..},
     * {@code org.jdbi..} and {@code com.github.benmanes.caffeine..}.
     */
    static ArchRule featuresOnlyDependOnAllowedPackages(String root) {
        List<String> allowedUnderRoot = concat(List.of("chat", "delivery", "i18n", "db", "schedule"),
                concat(ROUTER, concat(SHARED, FEATURES)));
        String[] allowed = concat(packages(root, allowedUnderRoot),
                new String[] {"java..", "javax.crypto..", "org.slf4j..", "org.jdbi..",
                        "com.github.benmanes.caffeine.."});
        return classes().that().resideInAnyPackage(packages(root, FEATURES))
                .should().onlyDependOnClassesThat().resideInAnyPackage(allowed)
                .because("a feature is built on the chat vocabulary, the router, the outbox, the bundles, the"
                        + " database, the scheduler's API and the readers of dates and times; Jdbi only in its DAO"
                        + " (see the Jdbi rule)");
    }

    /**
     * Rule 9: under the root, only classes in the root's {@code calendar} package (and its sub-packages) depend on
     * {@code net.fortuna.ical4j..}. The root package is not an exception.
     */
    static ArchRule onlyCalendarUsesIcal4j(String root) {
        return noClasses().that().resideInAPackage(root + "..")
                .and().resideOutsideOfPackage(root + ".calendar..")
                .should().dependOnClassesThat().resideInAPackage("net.fortuna.ical4j..")
                .because("iCalendar is a wire format like Slack's and Teams': the calendar adapter alone reads and"
                        + " writes it, and the routes serve the text it returns, so ical4j can change in one place");
    }

    /** Rule 10: the classes of {@link #SHARED} depend only on {@code java..} and on {@link #SHARED}. */
    static ArchRule sharedPackagesOnlyUseTheJdk(String root) {
        String[] allowed = concat(packages(root, SHARED), new String[] {"java.."});
        return classes().that().resideInAnyPackage(packages(root, SHARED))
                .should().onlyDependOnClassesThat().resideInAnyPackage(allowed)
                .because("every feature may use a shared package: if it knew a feature, an adapter or a library,"
                        + " every feature would depend on that too");
    }

    /**
     * Rule 11: under the root, only classes in the root's {@code spreadsheet} package (and its sub-packages) depend
     * on {@code org.apache.commons.csv..}. The root package is not an exception.
     */
    static ArchRule onlySpreadsheetUsesCommonsCsv(String root) {
        return noClasses().that().resideInAPackage(root + "..")
                .and().resideOutsideOfPackage(root + ".spreadsheet..")
                .should().dependOnClassesThat().resideInAPackage("org.apache.commons.csv..")
                .because("CSV is a wire format like iCalendar: the spreadsheet adapter alone writes it, and the routes"
                        + " serve the bytes it returns, so the library can change in one place");
    }

    /**
     * Rule 12: under the root, only classes in the root's {@code metrics} package (and its sub-packages) depend on
     * {@code io.micrometer..} or {@code io.prometheus..}. The root package is not an exception.
     */
    static ArchRule onlyMetricsUsesMicrometer(String root) {
        return noClasses().that().resideInAPackage(root + "..")
                .and().resideOutsideOfPackage(root + ".metrics..")
                .should().dependOnClassesThat().resideInAnyPackage("io.micrometer..", "io.prometheus..")
                .because("the outbox and the scheduler keep plain counts and the metrics adapter publishes them, so"
                        + " that a feature never registers a meter of its own and the library can change in one place");
    }

    /** {@code root.name..} for each name. */
    private static String[] packages(String root, List<String> names) {
        return names.stream().map(name -> root + "." + name + "..").toArray(String[]::new);
    }

    private static List<String> concat(List<String> first, List<String> second) {
        return Stream.concat(first.stream(), second.stream()).toList();
    }

    private static String[] concat(String[] first, String[] second) {
        return Stream.concat(Stream.of(first), Stream.of(second)).toArray(String[]::new);
    }
}
