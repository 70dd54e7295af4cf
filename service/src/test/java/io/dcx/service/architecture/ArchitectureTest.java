package io.dcx.service.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/** Guards the ports-and-adapters layout: the domain is plain Java, and dependencies point inwards. */
@AnalyzeClasses(packages = "io.dcx.service", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    @ArchTest
    static final ArchRule domainIsPlainJava = classes().that().resideInAPackage("io.dcx.service.domain..")
            .should().onlyDependOnClassesThat().resideInAnyPackage("io.dcx.service.domain..", "java..")
            .because("the domain must stay free of frameworks");

    @ArchTest
    static final ArchRule applicationDoesNotKnowAdapters = noClasses().that()
            .resideInAPackage("io.dcx.service.application..")
            .should().dependOnClassesThat().resideInAnyPackage("io.dcx.service.api..", "io.dcx.service.infrastructure..")
            .because("use cases talk to ports, never to adapters or the HTTP layer");

    @ArchTest
    static final ArchRule apiDoesNotReachIntoInfrastructure = noClasses().that()
            .resideInAPackage("io.dcx.service.api..")
            .should().dependOnClassesThat().resideInAPackage("io.dcx.service.infrastructure..")
            .because("resources call use cases; adapters are wired by CDI");

    @ArchTest
    static final ArchRule transactionsBelongToTheApplication = noClasses().that()
            .resideInAPackage("io.dcx.service.api..")
            .should().dependOnClassesThat().haveFullyQualifiedName("jakarta.transaction.Transactional")
            .because("transaction boundaries are drawn by use cases");
}
