package io.collectivepulse;

import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.EvaluationResult;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * Each rule of {@link ArchitectureRules} is evaluated on the fixtures of {@code io.collectivepulse.archfixture}:
 * with the root {@code archfixture.bad} it must report a violation naming each fixture written to break it, and
 * with the root {@code archfixture.good} it must report none.
 */
class ArchitectureRulesTest {
    private static final String BAD = "io.collectivepulse.archfixture.bad";
    private static final String GOOD = "io.collectivepulse.archfixture.good";
    private static final JavaClasses FIXTURES =
            new ClassFileImporter().importPackages("io.collectivepulse.archfixture");

    @Test
    void featuresAndCoreDoNotKnowAdapters() {
        assertViolatedBy(ArchitectureRules.featuresAndCoreDoNotKnowAdapters(BAD),
                "signal.BadSignalCard", "router.RouterKnowsSlackAdapter", "i18n.JavalinLocale", "signal.SignalInvite");
        assertHolds(ArchitectureRules.featuresAndCoreDoNotKnowAdapters(GOOD));
    }

    @Test
    void onlyDaosAndDbUseJdbi() {
        assertViolatedBy(ArchitectureRules.onlyDaosAndDbUseJdbi(BAD), "signal.SignalStats");
        assertHolds(ArchitectureRules.onlyDaosAndDbUseJdbi(GOOD));
    }

    @Test
    void onlyAdaptersAndChatUseWireFormats() {
        assertViolatedBy(ArchitectureRules.onlyAdaptersAndChatUseWireFormats(BAD),
                "signal.BadSignalCard", "db.JsonColumn", "Settings", "calendar.InviteJson");
        assertHolds(ArchitectureRules.onlyAdaptersAndChatUseWireFormats(GOOD));
    }

    @Test
    void subPackagesAreFreeOfCycles() {
        assertViolatedBy(ArchitectureRules.subPackagesAreFreeOfCycles(BAD),
                "signal.SignalNeedsCommunity", "community.CommunityNeedsSignal");
        assertHolds(ArchitectureRules.subPackagesAreFreeOfCycles(GOOD));
    }

    @Test
    void jobsOnlyCallServices() {
        assertViolatedBy(ArchitectureRules.jobsOnlyCallServices(BAD), "schedule.ReminderJob");
        assertHolds(ArchitectureRules.jobsOnlyCallServices(GOOD));
    }

    @Test
    void onlyScheduleDbAndRootUseQuartz() {
        assertViolatedBy(ArchitectureRules.onlyScheduleDbAndRootUseQuartz(BAD), "digest.DigestTimer");
        assertHolds(ArchitectureRules.onlyScheduleDbAndRootUseQuartz(GOOD));
    }

    @Test
    void everyClassResidesInAKnownPackage() {
        assertViolatedBy(ArchitectureRules.everyClassResidesInAKnownPackage(BAD), "unsorted.Stray");
        assertHolds(ArchitectureRules.everyClassResidesInAKnownPackage(GOOD));
    }

    @Test
    void featuresOnlyDependOnAllowedPackages() {
        assertViolatedBy(ArchitectureRules.featuresOnlyDependOnAllowedPackages(BAD),
                "community.WelcomeText", "signal.BadSignalCard", "digest.DigestTimer");
        assertHolds(ArchitectureRules.featuresOnlyDependOnAllowedPackages(GOOD));
    }

    @Test
    void onlyCalendarUsesIcal4j() {
        assertViolatedBy(ArchitectureRules.onlyCalendarUsesIcal4j(BAD), "digest.DigestEvent", "CalendarRoute");
        assertHolds(ArchitectureRules.onlyCalendarUsesIcal4j(GOOD));
    }

    @Test
    void onlySpreadsheetUsesCommonsCsv() {
        assertViolatedBy(ArchitectureRules.onlySpreadsheetUsesCommonsCsv(BAD), "digest.DigestSheet");
        assertHolds(ArchitectureRules.onlySpreadsheetUsesCommonsCsv(GOOD));
    }

    @Test
    void onlyMetricsUsesMicrometer() {
        assertViolatedBy(ArchitectureRules.onlyMetricsUsesMicrometer(BAD), "digest.DigestCounter");
        assertHolds(ArchitectureRules.onlyMetricsUsesMicrometer(GOOD));
    }

    @Test
    void sharedPackagesOnlyUseTheJdk() {
        assertViolatedBy(ArchitectureRules.sharedPackagesOnlyUseTheJdk(BAD), "when.DeadlineOfCommunity");
        assertHolds(ArchitectureRules.sharedPackagesOnlyUseTheJdk(GOOD));
    }

    /** The rule fails on the bad fixtures, and its report names each of {@code classes} (relative to the root). */
    private static void assertViolatedBy(ArchRule rule, String... classes) {
        EvaluationResult result = rule.evaluate(FIXTURES);
        assertThat(result.hasViolation()).as(rule.getDescription()).isTrue();
        List<String> details = result.getFailureReport().getDetails();
        for (String name : classes) {
            // Every line of a report writes a class, member or call as <fully.qualified.Name...>.
            Pattern mention = Pattern.compile("<" + Pattern.quote(BAD + "." + name) + "[.$>]");
            assertThat(details).as("%s names %s", rule.getDescription(), name)
                    .anyMatch(line -> mention.matcher(line).find());
        }
    }

    private static void assertHolds(ArchRule rule) {
        EvaluationResult result = rule.evaluate(FIXTURES);
        assertThat(result.getFailureReport().getDetails()).as(rule.getDescription()).isEmpty();
        assertThat(result.hasViolation()).isFalse();
    }
}
