package io.collectivepulse;

import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/**
 * Checks each rule of {@link ArchitectureRules} on the compiled production classes under
 * {@code io.collectivepulse}. Test classes are not imported ({@link ImportOption.DoNotIncludeTests}), which also
 * leaves out the fixtures under {@code io.collectivepulse.archfixture}; {@link #importsOnlyProductionClasses}
 * checks that.
 */
@AnalyzeClasses(packages = ArchitectureTest.ROOT, importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {
    static final String ROOT = "io.collectivepulse";

    @ArchTest
    static final ArchRule featuresAndCoreDoNotKnowAdapters = ArchitectureRules.featuresAndCoreDoNotKnowAdapters(ROOT);

    @ArchTest
    static final ArchRule onlyDaosAndDbUseJdbi = ArchitectureRules.onlyDaosAndDbUseJdbi(ROOT);

    @ArchTest
    static final ArchRule onlyAdaptersAndChatUseWireFormats = ArchitectureRules.onlyAdaptersAndChatUseWireFormats(ROOT);

    @ArchTest
    static final ArchRule subPackagesAreFreeOfCycles = ArchitectureRules.subPackagesAreFreeOfCycles(ROOT);

    @ArchTest
    static final ArchRule jobsOnlyCallServices = ArchitectureRules.jobsOnlyCallServices(ROOT);

    @ArchTest
    static final ArchRule onlyScheduleDbAndRootUseQuartz = ArchitectureRules.onlyScheduleDbAndRootUseQuartz(ROOT);

    @ArchTest
    static final ArchRule everyClassResidesInAKnownPackage = ArchitectureRules.everyClassResidesInAKnownPackage(ROOT);

    @ArchTest
    static final ArchRule featuresOnlyDependOnAllowedPackages =
            ArchitectureRules.featuresOnlyDependOnAllowedPackages(ROOT);

    @ArchTest
    static final ArchRule onlyCalendarUsesIcal4j = ArchitectureRules.onlyCalendarUsesIcal4j(ROOT);

    @ArchTest
    static final ArchRule onlySpreadsheetUsesCommonsCsv = ArchitectureRules.onlySpreadsheetUsesCommonsCsv(ROOT);

    @ArchTest
    static final ArchRule onlyMetricsUsesMicrometer = ArchitectureRules.onlyMetricsUsesMicrometer(ROOT);

    @ArchTest
    static final ArchRule sharedPackagesOnlyUseTheJdk = ArchitectureRules.sharedPackagesOnlyUseTheJdk(ROOT);

    /** The import holds the production classes (Main among them) and no class compiled from src/test. */
    @ArchTest
    static void importsOnlyProductionClasses(JavaClasses classes) {
        assertThat(classes.contain(Main.class)).isTrue();
        assertThat(classes.stream().map(JavaClass::getName))
                .noneMatch(name -> name.startsWith(ROOT + ".archfixture."))
                .doesNotContain(ArchitectureTest.class.getName(), ConfigTest.class.getName());
        assertThat(classes.stream().map(c -> c.getSource().orElseThrow().getUri().toString()))
                .noneMatch(uri -> uri.contains("/test-classes/"));
    }
}
