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
 * Merges an {@code extends} base service under the service that extends it, or a service of an
 * earlier Compose file under the same service in an override file ({@code -f a -f b}, {@code
 * compose.override.yaml}), following the Compose specification's merge rules (the same for both)
 * for the fields rootlock reads: a scalar or sequence the service writes replaces the base's,
 * except that {@code cap_add}, {@code cap_drop}, {@code security_opt}, {@code devices} and {@code
 * tmpfs} (string or list) are joined without repeats, {@code volumes} are joined with the service's
 * mount replacing the base's at the same target, and mappings ({@code environment}, ...) are merged
 * key by key; {@code environment} and {@code labels} written as {@code KEY=VALUE} lists merge key
 * by key too, as Compose turns them into mappings first. Every node keeps its position (and its
 * file, in {@link NodeOrigins}), so a finding about an inherited field points into the base
 * service.
 */
final class ServiceMerge {

  private static final Set<String> UNIONS =
      Set.of("cap_add", "cap_drop", "security_opt", "devices", "tmpfs");

  private static final Set<String> KEY_VALUE_LISTS = Set.of("environment", "labels");

  private final NodeOrigins origins;

  private ServiceMerge(NodeOrigins origins) {
    this.origins = origins;
  }

  /**
   * {@code base} extended by {@code service}: the result spans {@code service}'s text and has no
   * {@code extends}.
   */
  static MappingNode merge(MappingNode base, MappingNode service, NodeOrigins origins) {
    MappingNode merged = new ServiceMerge(origins).overlay(base, service);
    List<MappingNode.Entry> fields = new ArrayList<>(merged.entries());
    fields.removeIf(entry -> entry.key().equals("extends"));
    return made(
        new MappingNode(fields, merged.style(), merged.start(), merged.end()), service, origins);
  }

  /**
   * {@code base}, a service of an earlier file, overridden by {@code service}, the same service in
   * a later file; an {@code extends} stays, to be followed once every file is merged.
   */
  static MappingNode override(MappingNode base, MappingNode service, NodeOrigins origins) {
    return new ServiceMerge(origins).overlay(base, service);
  }

  private MappingNode overlay(MappingNode base, MappingNode service) {
    Map<String, MappingNode.Entry> fields = new LinkedHashMap<>(base.fields());
    for (MappingNode.Entry entry : service.fields().values()) {
      MappingNode.Entry inherited = fields.get(entry.key());
      fields.put(entry.key(), inherited == null ? entry : merged(inherited, entry));
    }
    return made(
        new MappingNode(
            new ArrayList<>(fields.values()), service.style(), service.start(), service.end()),
        service,
        origins);
  }

  private MappingNode.Entry merged(MappingNode.Entry base, MappingNode.Entry own) {
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
    } else if (KEY_VALUE_LISTS.contains(own.key())
        && isKeyValues(base.value())
        && isKeyValues(own.value())) {
      value = keyValues(base.value(), own.value());
    }
    return new MappingNode.Entry(
        own.key(), own.keyNode(), made(value, own.value(), origins), false);
  }

  private static <T extends Node> T made(T node, Node from, NodeOrigins origins) {
    if (origins != null) {
      origins.derive(node, from);
    }
    return node;
  }

  private static boolean isKeyValues(Node node) {
    return node instanceof SequenceNode || node instanceof MappingNode;
  }

  /**
   * Two {@code environment}s (or {@code labels}), each a mapping or a {@code KEY=VALUE} list,
   * merged key by key: a list when either is one (each item kept with its position), else a
   * mapping. A {@code KEY} alone (no {@code =}) is a key too, as Compose reads it.
   */
  private Node keyValues(Node base, Node own) {
    if (base instanceof MappingNode baseMap && own instanceof MappingNode ownMap) {
      return mapping(baseMap, ownMap);
    }
    Map<String, Node> items = new LinkedHashMap<>();
    keyValueItems(base).forEach(items::put);
    keyValueItems(own)
        .forEach(
            (key, item) -> {
              items.remove(key);
              items.put(key, item);
            });
    return new SequenceNode(new ArrayList<>(items.values()), styleOf(own), own.start(), own.end());
  }

  /** Each item of a list or mapping by its key; a mapping's entries become {@code KEY=VALUE}. */
  private Map<String, Node> keyValueItems(Node node) {
    Map<String, Node> items = new LinkedHashMap<>();
    if (node instanceof SequenceNode sequence) {
      int unkeyed = 0;
      for (Node item : sequence.items()) {
        String key =
            item instanceof ScalarNode scalar && scalar.value() != null
                ? scalar.value().split("=", 2)[0]
                : "\0" + unkeyed++;
        items.put(key, item);
      }
    } else if (node instanceof MappingNode mapping) {
      for (MappingNode.Entry entry : mapping.entries()) {
        String value =
            entry.value() instanceof ScalarNode scalar && !scalar.isNull() ? scalar.value() : null;
        ScalarNode item =
            new ScalarNode(
                dev.rootlock.source.tree.ScalarType.STRING,
                value == null ? entry.key() : entry.key() + "=" + value,
                value == null ? entry.key() : entry.key() + "=" + value,
                dev.rootlock.source.tree.ScalarStyle.PLAIN,
                entry.keyNode().start(),
                entry.value().end());
        made(item, entry.keyNode(), origins);
        items.put(entry.key(), item);
      }
    }
    return items;
  }

  private Node union(Node base, Node own) {
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

  private Node volumes(SequenceNode base, SequenceNode own) {
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

  private MappingNode mapping(MappingNode base, MappingNode own) {
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
    return node instanceof SequenceNode || (node instanceof ScalarNode scalar && !scalar.isNull());
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
