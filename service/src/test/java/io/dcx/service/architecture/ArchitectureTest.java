package io.dcx.service.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Guards the ports-and-adapters layout: the domain is plain Java, and dependencies point inwards. Written as plain
 * Jupiter tests calling {@code check}, because ArchUnit's own engine reports no tests under Quarkus' JUnit 6.
 */
class ArchitectureTest {
    private static JavaClasses service;

    @BeforeAll
    static void importClasses() {
        service = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("io.dcx.service");
    }

    @Test
    void domainIsPlainJava() {
        classes().that().resideInAPackage("io.dcx.service.domain..")
                // javax.imageio: the JDK's image decoders, which the image fingerprint (domain.fingerprint) needs.
                .should().onlyDependOnClassesThat().resideInAnyPackage("io.dcx.service.domain..", "java..", "javax.crypto..",
                        "javax.imageio..")
                .because("the domain must stay free of frameworks (the JDK, its crypto and image I/O included, is fine)")
                .check(service);
    }

    @Test
    void applicationDoesNotKnowAdapters() {
        noClasses().that().resideInAPackage("io.dcx.service.application..")
                .should().dependOnClassesThat()
                .resideInAnyPackage("io.dcx.service.api..", "io.dcx.service.infrastructure..")
                .because("use cases talk to ports, never to adapters or the HTTP layer")
                .check(service);
    }

    @Test
    void apiDoesNotReachIntoInfrastructure() {
        noClasses().that().resideInAPackage("io.dcx.service.api..")
                .should().dependOnClassesThat().resideInAPackage("io.dcx.service.infrastructure..")
                .because("resources call use cases; adapters are wired by CDI")
                .check(service);
    }

    @Test
    void transactionsBelongToTheApplication() {
        noClasses().that().resideInAPackage("io.dcx.service.api..")
                .should().dependOnClassesThat().haveFullyQualifiedName("jakarta.transaction.Transactional")
                .because("transaction boundaries are drawn by use cases")
                .check(service);
    }

    @Test
    void theImportSawTheLayers() {
        // A rule over zero classes passes vacuously: make sure the importer found each layer.
        org.assertj.core.api.Assertions.assertThat(service.stream().map(c -> c.getPackageName()))
                .anyMatch(p -> p.startsWith("io.dcx.service.domain"))
                .anyMatch(p -> p.startsWith("io.dcx.service.application"))
                .anyMatch(p -> p.startsWith("io.dcx.service.api"))
                .anyMatch(p -> p.startsWith("io.dcx.service.infrastructure"));
    }
}
