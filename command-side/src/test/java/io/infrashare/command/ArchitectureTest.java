package io.infrashare.command;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

@AnalyzeClasses(packages = "io.infrashare.command", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    /** Kafka is the only link between the sides (docs/domain.md). */
    @ArchTest
    static final ArchRule theCommandSideNeverDependsOnTheQuerySide = noClasses()
            .that().resideInAPackage("io.infrashare.command..")
            .should().dependOnClassesThat().resideInAPackage("io.infrashare.query..");

    /** Packages by feature, each a unit a reader can take in alone: no feature needs another that needs it back. */
    @ArchTest
    static final ArchRule featuresDoNotDependOnEachOtherInACircle = slices()
            .matching("io.infrashare.command.(*)..")
            .should().beFreeOfCycles();

    /** Deciding and recording know nothing of how events are distributed: only publication talks to Kafka. */
    @ArchTest
    static final ArchRule onlyPublicationTalksToKafka = noClasses()
            .that().resideInAPackage("io.infrashare.command..")
            .and().resideOutsideOfPackage("io.infrashare.command.publication..")
            .should().dependOnClassesThat().resideInAnyPackage("org.apache.kafka..", "org.springframework.kafka..",
                    "org.axonframework.extensions.kafka..");

    /**
     * The aggregate and its rules decide on what they are given: no HTTP, no SQL. The project's HTTP side (its
     * controller, the refusals' mapping to problems, the requester's resolver and its configuration) lives beside them.
     */
    @ArchTest
    static final ArchRule theRulesKnowNoHttpAndNoSql = noClasses()
            .that().resideInAPackage("io.infrashare.command.project..")
            .and().areNotAnnotatedWith(RestController.class)
            .and().areNotAnnotatedWith(RestControllerAdvice.class)
            .and().areNotAnnotatedWith(Configuration.class)
            .and().doNotImplement(HandlerMethodArgumentResolver.class)
            .should().dependOnClassesThat().resideInAnyPackage("org.springframework.web..", "jakarta.servlet..",
                    "org.springframework.jdbc..", "java.sql..", "javax.sql..");
}
