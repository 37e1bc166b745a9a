package dev.rootlock.cli;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/**
 * The commands declare their picocli model in code ({@link Flags}, {@link Commands}). One picocli
 * annotation on any of them would bring back, on every start, the proxy classes the JDK generates
 * to read it and picocli's reflective field access: about 100 ms of a cold start.
 */
class CommandModelTest {

  @Test
  void noCommandCarriesAPicocliAnnotation() {
    noClasses()
        .that()
        .resideInAPackage("dev.rootlock.cli")
        .should()
        .dependOnClassesThat(
            DescribedPredicate.describe(
                "are picocli annotations",
                (JavaClass type) -> type.isAnnotation() && type.getPackageName().equals("picocli")))
        .check(
            new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                // picocli too, so that its annotation types are known as annotations
                .importPackages("dev.rootlock.cli", "picocli"));
  }
}
