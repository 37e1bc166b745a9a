package dev.rootlock.source.compose;

import dev.rootlock.model.FieldPath;
import dev.rootlock.model.docker.Mount;
import dev.rootlock.source.tree.CollectionStyle;
import dev.rootlock.source.tree.MappingNode;
import dev.rootlock.source.tree.Node;
import dev.rootlock.source.tree.ScalarNode;
import dev.rootlock.source.tree.SequenceNode;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Merges an {@code extends} base service under the service that extends it, following the Compose
 * specification's merge rules for the fields rootlock reads: a scalar or sequence the service
 * writes replaces the base's, except that {@code cap_add}, {@code cap_drop}, {@code security_opt},
 * {@code devices} and {@code tmpfs} (string or list) are joined without repeats, {@code volumes}
 * are joined with the service's mount replacing the base's at the same target, and mappings ({@code
 * environment}, ...) are merged key by key. Every node keeps its position, so a finding about an
 * inherited field points into the base service.
 */
final class ServiceMerge {

  private static final Set<String> UNIONS =
      Set.of("cap_add", "cap_drop", "security_opt", "devices", "tmpfs");

  private ServiceMerge() {}

  /** {@code base} overlaid by {@code service}; the result spans {@code service}'s text. */
  static MappingNode merge(MappingNode base, MappingNode service) {
    Map<String, MappingNode.Entry> fields = new LinkedHashMap<>(base.fields());
    for (MappingNode.Entry entry : service.fields().values()) {
      MappingNode.Entry inherited = fields.get(entry.key());
      fields.put(entry.key(), inherited == null ? entry : merged(inherited, entry));
    }
    fields.remove("extends");
    return new MappingNode(
        new ArrayList<>(fields.values()), service.style(), service.start(), service.end());
  }

  private static MappingNode.Entry merged(MappingNode.Entry base, MappingNode.Entry own) {
    Node value = own.value();
    if (UNIONS.contains(own.key())) {
      value = union(base.value(), own.value());
    } else if (own.key().equals("volumes")
        && base.value() instanceof SequenceNode baseList
        && own.value() instanceof SequenceNode ownList) {
      value = volumes(baseList, ownList);
    } else if (base.value() instanceof MappingNode baseMap
        && own.value() instanceof MappingNode ownMap) {
      value = mapping(baseMap, ownMap);
    }
    return new MappingNode.Entry(own.key(), own.keyNode(), value, false);
  }

  private static Node union(Node base, Node own) {
    if (!(isListLike(base) && isListLike(own))) {
      return own;
    }
    List<Node> items = new ArrayList<>();
    Set<String> seen = new HashSet<>();
    for (Node item : concat(itemsOf(base), itemsOf(own))) {
      if (!(item instanceof ScalarNode scalar) || seen.add(scalar.value())) {
        items.add(item);
      }
    }
    return new SequenceNode(items, styleOf(own), own.start(), own.end());
  }

  private static Node volumes(SequenceNode base, SequenceNode own) {
    Set<String> ownTargets = new HashSet<>();
    own.items().forEach(item -> ownTargets.add(targetOf(item)));
    List<Node> items = new ArrayList<>();
    for (Node item : base.items()) {
      String target = targetOf(item);
      if (target == null || !ownTargets.contains(target)) {
        items.add(item);
      }
    }
    items.addAll(own.items());
    return new SequenceNode(items, own.style(), own.start(), own.end());
  }

  private static MappingNode mapping(MappingNode base, MappingNode own) {
    Map<String, MappingNode.Entry> fields = new LinkedHashMap<>(base.fields());
    own.fields().values().forEach(entry -> fields.put(entry.key(), entry));
    return new MappingNode(new ArrayList<>(fields.values()), own.style(), own.start(), own.end());
  }

  /** The container path of a short or long volume, or null when it cannot be told. */
  private static String targetOf(Node item) {
    if (item instanceof ScalarNode scalar && scalar.value() != null) {
      try {
        return Mount.parseShortSyntax(scalar.value(), FieldPath.root()).target();
      } catch (IllegalArgumentException e) {
        return null;
      }
    }
    if (item instanceof MappingNode mapping && mapping.get("target") instanceof ScalarNode target) {
      return target.value();
    }
    return null;
  }

  private static boolean isListLike(Node node) {
    return node instanceof SequenceNode || node instanceof ScalarNode scalar && !scalar.isNull();
  }

  private static List<Node> itemsOf(Node node) {
    return node instanceof SequenceNode sequence ? sequence.items() : List.of(node);
  }

  private static CollectionStyle styleOf(Node node) {
    return node instanceof SequenceNode sequence ? sequence.style() : CollectionStyle.FLOW;
  }

  private static List<Node> concat(List<Node> a, List<Node> b) {
    List<Node> all = new ArrayList<>(a);
    all.addAll(b);
    return all;
  }
}
