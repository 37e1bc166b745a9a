package dev.rootlock.source;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.codeUnits;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.JavaCodeUnit;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class SourceArchitectureTest {

  private static final JavaClasses CLASSES =
      new ClassFileImporter()
          .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
          .importPackages("dev.rootlock");

  @Test
  void sourcesDoNotDependOnPolicy() {
    noClasses()
        .that()
        .resideInAPackage("dev.rootlock.source..")
        .should()
        .dependOnClassesThat()
        .resideInAPackage("dev.rootlock.policy..")
        .check(CLASSES);
  }

  @Test
  void publicSignaturesInSourcesUseNoParserTypes() {
    codeUnits()
        .that()
        .arePublic()
        .and()
        .areDeclaredInClassesThat()
        .resideInAPackage("dev.rootlock.source..")
        .should(useNoTypesFrom("org.snakeyaml", "com.fasterxml"))
        .check(CLASSES);
  }

  private static ArchCondition<JavaCodeUnit> useNoTypesFrom(String... packages) {
    return new ArchCondition<>("use no types from " + String.join(", ", packages)) {
      @Override
      public void check(JavaCodeUnit unit, ConditionEvents events) {
        List<JavaClass> types = new ArrayList<>(unit.getRawParameterTypes());
        types.add(unit.getRawReturnType());
        for (JavaClass type : types) {
          for (String prefix : packages) {
            if (type.getPackageName().startsWith(prefix)) {
              events.add(
                  SimpleConditionEvent.violated(
                      unit, unit.getFullName() + " exposes " + type.getName()));
            }
          }
        }
      }
    };
  }
}
