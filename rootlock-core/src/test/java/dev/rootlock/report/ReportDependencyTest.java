package dev.rootlock.report;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/** The report package may use the model, the policy vocabulary, the JDK and jackson-core only. */
class ReportDependencyTest {

  @Test
  void reportDependsOnModelPolicyAndJacksonCoreOnly() {
    JavaClasses classes =
        new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("dev.rootlock.report");
    classes()
        .that()
        .resideInAPackage("dev.rootlock.report..")
        .should()
        .onlyDependOnClassesThat()
        .resideInAnyPackage(
            "dev.rootlock.report..",
            "dev.rootlock.model..",
            "dev.rootlock.policy..",
            "com.fasterxml.jackson.core..",
            "java..")
        .check(classes);
  }
}
