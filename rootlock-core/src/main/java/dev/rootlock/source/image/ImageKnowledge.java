package dev.rootlock.source.image;

import dev.rootlock.model.image.ImageReference;
import dev.rootlock.model.image.KnownImage;
import dev.rootlock.model.image.Medium;
import dev.rootlock.model.image.WritablePath;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The knowledge base of well-known images and the directories they write. People edit the {@code
 * known-images.yaml} resource beside this class; {@code KnownImagesTable} holds the same entries as
 * code, generated from it and checked against it by a test, so that no start parses YAML for them.
 * Shared by {@code rootlock fix}, the mutating webhook and Docker discovery.
 *
 * <p>This class is immutable and thread-safe.
 */
public final class ImageKnowledge {

  private final List<KnownImage> entries;

  /** Entry id to {user, alpineUser} (either may be null). */
  private final Map<String, List<String>> users;

  private ImageKnowledge(List<KnownImage> entries) {
    this(entries, Map.of());
  }

  private ImageKnowledge(List<KnownImage> entries, Map<String, List<String>> users) {
    this.entries = List.copyOf(entries);
    this.users = Map.copyOf(users);
  }

  /**
   * The {@code uid:gid} of the image's own user (postgres: 999:999, 70:70 on alpine tags), for a
   * hardened {@code --user} that keeps its data directory writable; empty when unknown.
   */
  public Optional<String> userFor(String image) {
    ImageReference reference = ImageReference.parse(image);
    for (KnownImage entry : entries) {
      if (entry.matchesImage(reference)) {
        List<String> user = users.get(entry.id());
        if (user == null) {
          return Optional.empty();
        }
        boolean alpine = reference.tag() != null && reference.tag().contains("alpine");
        return Optional.ofNullable(alpine && user.get(1) != null ? user.get(1) : user.get(0));
      }
    }
    return Optional.empty();
  }

  /** The built-in knowledge base. */
  public static ImageKnowledge builtIn() {
    return Holder.BUILT_IN;
  }

  /** A knowledge base of the given entries (for tests and for discovered results). */
  public static ImageKnowledge of(List<KnownImage> entries) {
    return new ImageKnowledge(entries);
  }

  /** Every entry, in file order. */
  public List<KnownImage> entries() {
    return entries;
  }

  /**
   * The entry for a container: the first whose image patterns match {@code image}, else the first
   * whose command words appear in {@code command} (its command and arguments).
   */
  public Optional<KnownImage> lookup(String image, List<String> command) {
    ImageReference reference = ImageReference.parse(image);
    for (KnownImage entry : entries) {
      if (entry.matchesImage(reference)) {
        return Optional.of(entry);
      }
    }
    for (KnownImage entry : entries) {
      if (entry.matchesCommand(command)) {
        return Optional.of(entry);
      }
    }
    return Optional.empty();
  }

  /** Built on first use. */
  private static final class Holder {
    static final ImageKnowledge BUILT_IN =
        new ImageKnowledge(KnownImagesTable.entries(), KnownImagesTable.users());
  }

  /** Decodes the loaded YAML, naming the entry and field of any mistake. */
  static final class KnowledgeYaml {

    private KnowledgeYaml() {}

    static List<KnownImage> entries(Object document, String where) {
      Map<?, ?> root = mapping(document, where);
      List<KnownImage> entries = new ArrayList<>();
      for (Object item : list(root.get("images"), where + ": images")) {
        Map<?, ?> entry = mapping(item, where + ": image entry");
        String id = string(entry.get("id"), where + ": image entry id");
        String at = where + ": " + id;
        List<WritablePath> paths = new ArrayList<>();
        for (Object pathItem : list(entry.get("paths"), at + ": paths")) {
          paths.add(writablePath(mapping(pathItem, at + ": path"), at));
        }
        entries.add(
            new KnownImage(
                id,
                strings(entry.get("images"), at + ": images"),
                strings(entry.get("commands"), at + ": commands"),
                paths,
                strings(entry.get("notes"), at + ": notes"),
                flag(entry.get("startsAsRoot"), at + ": startsAsRoot")));
      }
      return entries;
    }

    /** Entry id to {user, alpineUser}, for the entries that name a user. */
    static Map<String, List<String>> users(Object document, String where) {
      Map<String, List<String>> users = new java.util.HashMap<>();
      for (Object item : list(mapping(document, where).get("images"), where + ": images")) {
        Map<?, ?> entry = mapping(item, where + ": image entry");
        Object user = entry.get("user");
        if (user != null) {
          Object alpine = entry.get("alpineUser");
          users.put(
              entry.get("id").toString(),
              java.util.Arrays.asList(user.toString(), alpine == null ? null : alpine.toString()));
        }
      }
      return users;
    }

    static WritablePath writablePath(Map<?, ?> map, String at) {
      String path = string(map.get("path"), at + ": path");
      Object size = map.get("sizeLimit");
      try {
        return new WritablePath(
            path,
            Medium.parse(string(map.get("medium"), at + ": " + path + ": medium")),
            size == null ? null : size.toString(),
            map.get("purpose") == null ? "" : map.get("purpose").toString());
      } catch (IllegalArgumentException e) {
        throw new IllegalArgumentException(at + ": " + e.getMessage(), e);
      }
    }

    static Map<?, ?> mapping(Object value, String what) {
      if (value instanceof Map<?, ?> map) {
        return map;
      }
      throw new IllegalArgumentException(what + " must be a mapping");
    }

    static List<?> list(Object value, String what) {
      if (value == null) {
        return List.of();
      }
      if (value instanceof List<?> list) {
        return list;
      }
      throw new IllegalArgumentException(what + " must be a list");
    }

    static List<String> strings(Object value, String what) {
      List<String> strings = new ArrayList<>();
      for (Object item : list(value, what)) {
        strings.add(string(item, what));
      }
      return strings;
    }

    /** An optional boolean: absent is false. */
    static boolean flag(Object value, String what) {
      if (value == null || value instanceof Boolean) {
        return Boolean.TRUE.equals(value);
      }
      throw new IllegalArgumentException(what + " must be true or false");
    }

    static String string(Object value, String what) {
      if (value instanceof String text && !text.isEmpty()) {
        return text;
      }
      throw new IllegalArgumentException(what + " must be a non-empty string");
    }
  }
}
