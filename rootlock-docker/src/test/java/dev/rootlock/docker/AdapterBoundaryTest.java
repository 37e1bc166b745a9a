package dev.rootlock.docker;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/** docker-java (and what it drags in) stays inside the adapter package. */
class AdapterBoundaryTest {

  private final JavaClasses classes =
      new ClassFileImporter()
          .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
          .importPackages("dev.rootlock.docker");

  @Test
  void onlyTheClientPackageTouchesDockerJava() {
    noClasses()
        .that()
        .resideOutsideOfPackage("dev.rootlock.docker.client..")
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage("com.github.dockerjava..", "org.apache.commons.compress..")
        .check(classes);
  }

  @Test
  void discoverVerifyAndAuditDoNotDependOnTheAdapter() {
    noClasses()
        .that()
        .resideInAnyPackage(
            "dev.rootlock.docker.discover..",
            "dev.rootlock.docker.verify..",
            "dev.rootlock.docker.audit..")
        .should()
        .dependOnClassesThat()
        .resideInAPackage("dev.rootlock.docker.client..")
        .check(classes);
  }
}
