package io.infrashare.query;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

@AnalyzeClasses(packages = "io.infrashare.query", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    /** Kafka is the only link between the sides (docs/domain.md). */
    @ArchTest
    static final ArchRule theQuerySideNeverDependsOnTheCommandSide = noClasses()
            .that().resideInAPackage("io.infrashare.query..")
            .should().dependOnClassesThat().resideInAPackage("io.infrashare.command..");

    /** Packages by feature, each a unit a reader can take in alone: no feature needs another that needs it back. */
    @ArchTest
    static final ArchRule featuresDoNotDependOnEachOtherInACircle = slices()
            .matching("io.infrashare.query.(*)..")
            .should().beFreeOfCycles();

    /**
     * Read models and queries do not care where events come from; only ingest knows Kafka, and the listener of the
     * checkpoint topic with its configuration.
     */
    @ArchTest
    static final ArchRule onlyIngestAndTheCheckpointTopicTalkToKafka = noClasses()
            .that().resideInAPackage("io.infrashare.query..")
            .and().resideOutsideOfPackage("io.infrashare.query.ingest..")
            .and().haveNameNotMatching("io\\.infrashare\\.query\\.log\\.CheckpointTopic.*")
            .should().dependOnClassesThat().resideInAnyPackage("org.apache.kafka..", "org.springframework.kafka..");
}
