package io.infrashare.query;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

@AnalyzeClasses(packages = "io.infrashare.query", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    /** Kafka is the only link between the sides (docs/domain.md). */
    @ArchTest
    static final ArchRule theQuerySideNeverDependsOnTheCommandSide = noClasses()
            .that().resideInAPackage("io.infrashare.query..")
            .should().dependOnClassesThat().resideInAPackage("io.infrashare.command..");

    /** Read models and queries do not care where events come from; only ingest knows Kafka. */
    @ArchTest
    static final ArchRule onlyIngestTalksToKafka = noClasses()
            .that().resideInAPackage("io.infrashare.query..")
            .and().resideOutsideOfPackage("io.infrashare.query.ingest..")
            .should().dependOnClassesThat().resideInAnyPackage("org.apache.kafka..", "org.springframework.kafka..");
}
