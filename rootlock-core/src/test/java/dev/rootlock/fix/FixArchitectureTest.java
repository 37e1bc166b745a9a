package dev.rootlock.fix;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/**
 * The fixer's boundaries: it reads with {@code source}, judges with {@code policy} (the registries
 * the engine uses) and never calls the engine, which calls it; its packages form no cycle.
 */
class FixArchitectureTest {

  private static final JavaClasses CLASSES =
      new ClassFileImporter()
          .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
          .importPackages("dev.rootlock");

  @Test
  void theFixerUsesOnlyTheModelThePolicyAndTheSources() {
    noClasses()
        .that()
        .resideInAPackage("dev.rootlock.fix..")
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage(
            "dev.rootlock.engine..",
            "dev.rootlock.report..",
            "dev.rootlock.cli..",
            "dev.rootlock.docker..",
            "dev.rootlock.kube..",
            "dev.rootlock.webhook..")
        .check(CLASSES);
  }

  @Test
  void theFixerPackagesFormNoCycle() {
    slices().matching("dev.rootlock.fix.(*)..").should().beFreeOfCycles().check(CLASSES);
    noClasses()
        .that()
        .resideInAnyPackage(
            "dev.rootlock.fix.plan..",
            "dev.rootlock.fix.pod..",
            "dev.rootlock.fix.compose..",
            "dev.rootlock.fix.yaml..")
        .should()
        .dependOnClassesThat()
        .resideInAPackage("dev.rootlock.fix")
        .check(CLASSES);
  }
}
