package dev.promesa.followup;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import org.junit.jupiter.api.Test;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;

/**
 * followup's packages form layers without cycles: scheduling at the bottom (business calendars live in the plain
 * {@code calendar} module, {@code dev.promesa.calendar}), commitment and sla on them,
 * ticket on those, ingest and the due check on top, and the promise actions of the API and the signed-link pages on the ingest's working set.
 * The board's web pages sit on all of it: {@code web} (what every page shares) at their bottom, the sign-in on it,
 * the promise pages and the operator page on both. Pure rules stay free of Quarkus, Kafka and JDBC.
 */
class PackageRulesTest {

    private static final JavaClasses CLASSES = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("dev.promesa.followup");

    @Test
    void packagesHaveNoCycles() {
        slices().matching("dev.promesa.followup.(*)..").should().beFreeOfCycles().check(CLASSES);
    }

    @Test
    void theLowerLayersDoNotReachUp() {
        noClasses().that().resideInAPackage("..followup.scheduling..")
                .should().dependOnClassesThat().resideInAnyPackage("..followup.commitment..", "..followup.sla..",
                        "..followup.ticket..", "..followup.ingest..", "..followup.duecheck..", "..followup.action..",
                        "..followup.link..")
                .check(CLASSES);
        noClasses().that().resideInAnyPackage("..followup.commitment..", "..followup.sla..")
                .should().dependOnClassesThat().resideInAnyPackage("..followup.ticket..", "..followup.ingest..",
                        "..followup.duecheck..", "..followup.action..", "..followup.link..")
                .check(CLASSES);
        noClasses().that().resideInAnyPackage("..followup.ticket..", "..followup.ingest..")
                .should().dependOnClassesThat().resideInAnyPackage("..followup.action..", "..followup.link..")
                .check(CLASSES);
    }

    @Test
    void theBoardSitsOnTopAndItsSignInBelowIt() {
        noClasses().that().resideInAPackage("..followup.web..")
                .should().dependOnClassesThat().resideInAnyPackage("..followup.signin..", "..followup.board..",
                        "..followup.operator..")
                .check(CLASSES);
        noClasses().that().resideInAPackage("..followup.signin..")
                .should().dependOnClassesThat().resideInAnyPackage("..followup.board..", "..followup.operator..")
                .check(CLASSES);
        noClasses().that().resideInAnyPackage("..followup.scheduling..", "..followup.commitment..",
                "..followup.sla..", "..followup.ticket..", "..followup.ingest..", "..followup.duecheck..",
                "..followup.action..", "..followup.link..")
                .should().dependOnClassesThat().resideInAnyPackage("..followup.web..", "..followup.signin..",
                        "..followup.board..", "..followup.operator..")
                .check(CLASSES);
    }

    @Test
    void rulesArePlainJava() {
        noClasses().that().haveSimpleNameEndingWith("Rules")
                .should().dependOnClassesThat().resideInAnyPackage("io.quarkus..", "jakarta..", "org.apache.kafka..",
                        "java.sql..")
                .check(CLASSES);
    }
}
