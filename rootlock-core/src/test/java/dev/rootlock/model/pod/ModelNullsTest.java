package dev.rootlock.model.pod;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.rootlock.model.FieldPath;
import dev.rootlock.model.Locator;
import dev.rootlock.model.SourceRef;
import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.RecordComponent;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The rule behind issue 15's NPE: a pod model record rejects null in every component it promises,
 * so a decoder can never hand a check a null name. A component may be null only if it says so here:
 * boxed primitives mean "unset", and the names below are the documented "or null" ones. Adding a
 * String, list or record component to the pod model means deciding which it is.
 */
class ModelNullsTest {

  /** Record.component pairs documented as nullable ("null when unset"). */
  private static final Set<String> NULLABLE =
      Set.of(
          "AppArmorProfile.type",
          "AppArmorProfile.localhostProfile",
          "Container.image",
          "Container.memoryLimit",
          "EmptyDir.medium",
          "EmptyDir.sizeLimit",
          "ObjectMeta.name",
          "ObjectMeta.namespace",
          "PodSecurityContext.seccompProfile",
          "PodSecurityContext.seLinuxOptions",
          "PodSecurityContext.appArmorProfile",
          "PodSecurityContext.windowsOptions",
          "PodSpec.osName",
          "PodSpec.runtimeClassName",
          "SeLinuxOptions.user",
          "SeLinuxOptions.role",
          "SeLinuxOptions.type",
          "SeLinuxOptions.level",
          "SeccompProfile.type",
          "SeccompProfile.localhostProfile",
          "SecurityContext.capabilities",
          "SecurityContext.seccompProfile",
          "SecurityContext.seLinuxOptions",
          "SecurityContext.appArmorProfile",
          "SecurityContext.windowsOptions",
          "SecurityContext.procMount",
          "Sysctl.value",
          "UnknownField.suggestion",
          "Volume.emptyDir",
          "Volume.hostPath",
          "VolumeMount.subPath",
          "Workload.apiVersion",
          "Workload.pod");

  private static final Set<Class<?>> UNSET_MEANS_NULL =
      Set.of(Boolean.class, Integer.class, Long.class);

  static Stream<String> promisedComponents() throws Exception {
    List<String> promised = new ArrayList<>();
    for (Class<?> record : podRecords()) {
      for (RecordComponent component : record.getRecordComponents()) {
        String name = record.getSimpleName() + "." + component.getName();
        if (!component.getType().isPrimitive()
            && !UNSET_MEANS_NULL.contains(component.getType())
            && !NULLABLE.contains(name)) {
          promised.add(name);
        }
      }
    }
    return promised.stream();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("promisedComponents")
  void aPromisedComponentRejectsNull(String component) throws Exception {
    String[] parts = component.split("\\.", -1);
    Class<?> record = Class.forName(Container.class.getPackageName() + "." + parts[0]);
    RecordComponent[] components = record.getRecordComponents();
    Object[] args = new Object[components.length];
    for (int i = 0; i < components.length; i++) {
      args[i] = components[i].getName().equals(parts[1]) ? null : sample(components[i].getType());
    }
    Constructor<?> constructor =
        record.getDeclaredConstructor(
            Arrays.stream(components).map(RecordComponent::getType).toArray(Class<?>[]::new));

    assertThatThrownBy(() -> construct(constructor, args))
        .as("%s(null) must throw", component)
        .isInstanceOf(NullPointerException.class);
  }

  @Test
  void theRuleSeesTheComponentsThatCausedIssue15() {
    // A guard on the scan above: the names that caused the NPE are among those checked.
    assertThat(promisedComponents_())
        .contains("Container.name", "Volume.name", "VolumeMount.name", "Sysctl.name");
  }

  private static List<String> promisedComponents_() {
    try {
      return promisedComponents().toList();
    } catch (Exception e) {
      throw new AssertionError(e);
    }
  }

  private static Object construct(Constructor<?> constructor, Object[] args) throws Throwable {
    try {
      return constructor.newInstance(args);
    } catch (InvocationTargetException e) {
      throw e.getCause();
    }
  }

  private static Object sample(Class<?> type) throws Exception {
    if (type == boolean.class) {
      return false;
    }
    if (type == int.class) {
      return 0;
    }
    if (type == long.class) {
      return 0L;
    }
    if (type == String.class) {
      return "x";
    }
    if (type == List.class) {
      return List.of();
    }
    if (type == Map.class) {
      return Map.of();
    }
    if (type == Set.class) {
      return Set.of();
    }
    if (UNSET_MEANS_NULL.contains(type)) {
      return null;
    }
    if (type.isEnum()) {
      return type.getEnumConstants()[0];
    }
    if (type == FieldPath.class) {
      return FieldPath.root();
    }
    if (type == Locator.class) {
      return Locator.NONE;
    }
    if (type == SourceRef.class) {
      return SourceRef.of("f");
    }
    if (type.isRecord()) {
      RecordComponent[] components = type.getRecordComponents();
      Object[] args = new Object[components.length];
      for (int i = 0; i < components.length; i++) {
        args[i] = sample(components[i].getType());
      }
      Constructor<?> constructor =
          type.getDeclaredConstructor(
              Arrays.stream(components).map(RecordComponent::getType).toArray(Class<?>[]::new));
      return constructor.newInstance(args);
    }
    throw new IllegalStateException("no sample value for " + type);
  }

  private static List<Class<?>> podRecords() throws URISyntaxException, Exception {
    Path dir =
        Path.of(Container.class.getResource(Container.class.getSimpleName() + ".class").toURI())
            .getParent();
    List<Class<?>> records = new ArrayList<>();
    try (Stream<Path> files = Files.list(dir)) {
      for (Path file : files.sorted().toList()) {
        String name = file.getFileName().toString();
        if (name.endsWith(".class") && !name.contains("$")) {
          Class<?> type =
              Class.forName(Container.class.getPackageName() + "." + name.replace(".class", ""));
          if (type.isRecord()) {
            records.add(type);
          }
        }
      }
    }
    return records;
  }
}
