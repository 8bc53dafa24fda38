package io.infrashare.events;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;

@AnalyzeClasses(packages = "io.infrashare.events", importOptions = ImportOption.DoNotIncludeTests.class)
class ContractDependenciesTest {

    @ArchTest
    static final ArchRule theContractDependsOnJacksonAndTheLogsBuildingBlocksAlone = classes()
            .should().onlyDependOnClassesThat()
            .resideInAnyPackage("java..", "io.infrashare.events..", "com.fasterxml.jackson.annotation..",
                    "com.fasterxml.jackson.databind.node..", "com.fasterxml.jackson.databind", "io.infrashare.transparency..",
                    "com.fasterxml.jackson.core");
}
