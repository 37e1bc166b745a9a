package dev.rootlock.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.methods;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.JavaMethod;
import com.tngtech.archunit.core.domain.JavaModifier;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The dependency rules of docs/ARCHITECTURE.md, checked on the compiled classes of every module on
 * this (the CLI's) classpath, so that a wrong import fails the build rather than a review.
 */
class ArchitectureTest {

  private static JavaClasses classes;

  @BeforeAll
  static void importClasses() {
    classes =
        new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            // the core test-jar (shared test builders) is on this classpath too
            .withImportOption(location -> !location.contains("-tests.jar"))
            .importPackages("dev.rootlock");
  }

  @Test
  void modelUsesOnlyTheJdk() {
    noClasses()
        .that()
        .resideInAPackage("dev.rootlock.model..")
        .should()
        .dependOnClassesThat(outside("java..", "dev.rootlock.model.."))
        .check(classes);
  }

  @Test
  void checksArePureFunctionsOfTheModel() {
    noClasses()
        .that()
        .resideInAPackage("dev.rootlock.policy..")
        .and()
        .resideOutsideOfPackage("dev.rootlock.policy.exempt..")
        .should()
        .dependOnClassesThat(
            outside("java.lang..", "java.util..", "dev.rootlock.model..", "dev.rootlock.policy.."))
        .because("checks do no I/O and use no parser, client or logger")
        .check(classes);
  }

  @Test
  void sourcesDoNotKnowThePolicy() {
    noClasses()
        .that()
        .resideInAPackage("dev.rootlock.source..")
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage(
            "dev.rootlock.policy..",
            "dev.rootlock.engine..",
            "dev.rootlock.report..",
            "dev.rootlock.fix..")
        .check(classes);
  }

  @Test
  void reportsRenderResultsOnly() {
    noClasses()
        .that()
        .resideInAPackage("dev.rootlock.report..")
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage(
            "dev.rootlock.source..",
            "dev.rootlock.fix..",
            "dev.rootlock.engine..",
            "dev.rootlock.docker..",
            "dev.rootlock.kube..")
        .check(classes);
  }

  @Test
  void clientAdaptersProduceTheModelAndDoNotJudgeIt() {
    noClasses()
        .that()
        .resideInAnyPackage("dev.rootlock.docker..", "dev.rootlock.kube..")
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage(
            "dev.rootlock.policy.checks..", "dev.rootlock.policy.docker..", "dev.rootlock.report..")
        .because("adapters hand model objects to the engine, which owns evaluation")
        .allowEmptyShould(true)
        .check(classes);
  }

  /**
   * The one table renderer knows columns and cells, nothing of rootlock's, so anyone may draw; the
   * shell-words and Go-duration grammars beside it are as plain, so every layer, the CLI's flags
   * included, shares the one of each.
   */
  @Test
  void textTablesUseTheJdkOnly() {
    classes()
        .that()
        .resideInAPackage("dev.rootlock.text..")
        .should()
        .onlyDependOnClassesThat()
        .resideInAnyPackage("java..", "dev.rootlock.text..")
        .check(classes);
  }

  @Test
  void nothingImportsTheFrontEnds() {
    noClasses()
        .that()
        .resideOutsideOfPackages("dev.rootlock.cli..", "dev.rootlock.webhook..")
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage("dev.rootlock.cli..", "dev.rootlock.webhook..")
        .check(classes);
    noClasses()
        .that()
        .resideInAPackage("dev.rootlock.webhook..")
        .should()
        .dependOnClassesThat()
        .resideInAPackage("dev.rootlock.cli..")
        .allowEmptyShould(true)
        .check(classes);
  }

  @Test
  void fixReachesTheDockerEngineOnlyThroughItsProverPort() {
    noClasses()
        .that()
        .resideInAPackage("dev.rootlock.docker..")
        .and()
        .resideOutsideOfPackage("dev.rootlock.docker.prove..")
        .should()
        .dependOnClassesThat()
        .resideInAPackage("dev.rootlock.fix..")
        .because("docker.prove implements fix's Prover port; the rest of the adapter stays apart")
        .check(classes);
  }

  @Test
  void coreDoesNotUseContainerPlatformClients() {
    noClasses()
        .that()
        .resideInAnyPackage(
            "dev.rootlock.model..",
            "dev.rootlock.policy..",
            "dev.rootlock.source..",
            "dev.rootlock.report..",
            "dev.rootlock.fix..",
            "dev.rootlock.engine..")
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage("io.fabric8..", "com.github.dockerjava..", "picocli..")
        .check(classes);
  }

  /** Exemption matching is pure too: only an expiry date (java.time) beyond what checks use. */
  @Test
  void exemptionMatchingIsPure() {
    noClasses()
        .that()
        .resideInAPackage("dev.rootlock.policy.exempt..")
        .should()
        .dependOnClassesThat(
            outside("java.lang..", "java.util..", "java.time..", "dev.rootlock.policy.exempt.."))
        .because("matching an exemption is a pure function of the finding and the day")
        .check(classes);
  }

  /** The config and baseline readers use the project's tree reader, never a client or the CLI. */
  @Test
  void configAndBaselineStayInTheCore() {
    noClasses()
        .that()
        .resideInAnyPackage("dev.rootlock.config..", "dev.rootlock.baseline..")
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage(
            "io.fabric8..",
            "com.github.dockerjava..",
            "picocli..",
            "dev.rootlock.engine..",
            "dev.rootlock.report..",
            "dev.rootlock.fix..")
        .check(classes);
  }

  /** The exported policies are text: they never evaluate, so nothing of the engine's is used. */
  @Test
  void policyExportOnlyWritesText() {
    noClasses()
        .that()
        .resideInAPackage("dev.rootlock.kube.export..")
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage(
            "dev.rootlock.engine..",
            "dev.rootlock.policy.checks..",
            "dev.rootlock.source..",
            "io.fabric8..")
        .because("CEL equivalence is proven in tests, not by calling the engine at export time")
        .check(classes);
  }

  /** Helm's engine is a native library: only chart scans may load it, through one class. */
  @Test
  void onlyTheChartRendererSeesHelm() {
    noClasses()
        .that()
        .doNotHaveFullyQualifiedName("dev.rootlock.cli.ChartRenderer")
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage("com.marcnuri.helm..")
        .check(classes);
  }

  @Test
  void engineSignaturesUseOnlyJdkAndRootlockTypes() {
    methods()
        .that()
        .areDeclaredInClassesThat()
        .resideInAPackage("dev.rootlock.engine..")
        .and()
        .arePublic()
        .should(useOnlyJdkAndRootlockTypesInSignature())
        .allowEmptyShould(true)
        .check(classes);
  }

  private static DescribedPredicate<JavaClass> outside(String... packages) {
    return DescribedPredicate.not(JavaClass.Predicates.resideInAnyPackage(packages))
        .and(DescribedPredicate.not(JavaClass.Predicates.equivalentTo(Object.class)))
        .as("classes outside " + String.join(", ", packages));
  }

  private static ArchCondition<JavaMethod> useOnlyJdkAndRootlockTypesInSignature() {
    return new ArchCondition<>("use only JDK and rootlock types in their signatures") {
      @Override
      public void check(JavaMethod method, ConditionEvents events) {
        if (!method.getOwner().getModifiers().contains(JavaModifier.PUBLIC)) {
          return;
        }
        var types = new java.util.ArrayList<JavaClass>(method.getRawParameterTypes());
        types.add(method.getRawReturnType());
        for (JavaClass type : types) {
          String name = type.getBaseComponentType().getName();
          boolean allowed =
              type.getBaseComponentType().isPrimitive()
                  || name.startsWith("java.")
                  || name.startsWith("dev.rootlock.");
          if (!allowed) {
            events.add(
                SimpleConditionEvent.violated(
                    method, method.getFullName() + " exposes third-party type " + name));
          }
        }
      }
    };
  }

  @Test
  void theWebhooksPackagesDependOneWay() {
    noClasses()
        .that()
        .resideInAPackage("dev.rootlock.webhook.install..")
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage(
            "dev.rootlock.webhook.admission..",
            "dev.rootlock.webhook.config..",
            "dev.rootlock.webhook.server..")
        .check(classes);
    noClasses()
        .that()
        .resideInAPackage("dev.rootlock.webhook.config..")
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage("dev.rootlock.webhook.admission..", "dev.rootlock.webhook.server..")
        .check(classes);
    noClasses()
        .that()
        .resideInAPackage("dev.rootlock.webhook.admission..")
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage("dev.rootlock.webhook.server..", "io.fabric8..", "io.prometheus..")
        .because("admission reaches the cluster and the metrics only through its ports")
        .check(classes);
  }

  /**
   * Issue 13's rule is that the CLI reaches rootlock through the engine, the model, the reports,
   * the text utilities and the adapters' ports only: the config file, the baseline and the check
   * list reach it as engine types ({@code Configuration}, {@code Baselines}, {@code
   * Engine.reportContext}); a fix's results are model values ({@code model.fix}) rendered by {@code
   * report} ({@code FixSummary}, {@code ProofLines}); what a verb asks fix for is a {@code
   * model.fix.FixRequest}, which the engine turns into the fixer's options; the fixable checks are
   * {@code Engine.fixableChecks} and report files are written through {@code engine.AtomicOutput}.
   * No internal package (a check, a reader, the fixer, the YAML editor) can be imported by a verb.
   */
  @Test
  void theCliReachesRootlockThroughTheEngine() {
    String[] allowed = {
      "dev.rootlock.cli..",
      "dev.rootlock.engine..",
      "dev.rootlock.model..",
      "dev.rootlock.report..",
      "dev.rootlock.text..",
      "dev.rootlock.docker..",
      "dev.rootlock.kube..",
      "dev.rootlock.webhook..",
    };
    noClasses()
        .that()
        .resideInAPackage("dev.rootlock.cli..")
        .should()
        .dependOnClassesThat(
            JavaClass.Predicates.resideInAPackage("dev.rootlock..")
                .and(DescribedPredicate.not(JavaClass.Predicates.resideInAnyPackage(allowed))))
        .check(classes);
  }

  /**
   * A simple class name names one class: two {@code AuditTable}s read alike in every stack trace.
   */
  @Test
  void noSimpleClassNameRepeatsAcrossPackages() {
    java.util.Map<String, java.util.List<String>> byName = new java.util.TreeMap<>();
    for (JavaClass type : classes) {
      if (type.isTopLevelClass() && !type.getSimpleName().equals("package-info")) {
        byName
            .computeIfAbsent(type.getSimpleName(), name -> new java.util.ArrayList<>())
            .add(type.getName());
      }
    }
    byName.values().removeIf(names -> names.size() < 2);
    org.assertj.core.api.Assertions.assertThat(byName).isEmpty();
  }
}
