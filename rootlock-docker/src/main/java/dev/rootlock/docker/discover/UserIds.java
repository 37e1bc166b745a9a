package dev.rootlock.docker.discover;

import java.nio.charset.StandardCharsets;

/**
 * The numeric uid and gid a container user spec ({@code name}, {@code uid}, {@code uid:gid}, {@code
 * name:group}) runs as, resolved with the image's /etc/passwd and /etc/group the way the runtime
 * does: an unknown numeric uid gets gid 0.
 */
record UserIds(long uid, long gid) {

  static final UserIds ROOT = new UserIds(0, 0);

  static UserIds resolve(String spec, byte[] passwd, byte[] group) {
    if (spec == null || spec.isBlank()) {
      return ROOT;
    }
    String[] parts = spec.split(":", 2);
    String passwdText = new String(passwd, StandardCharsets.UTF_8);
    long uid;
    long gid = -1;
    String[] entry = find(passwdText, parts[0], 4);
    if (isNumber(parts[0])) {
      uid = Long.parseLong(parts[0]);
      entry = entry != null ? entry : findByUid(passwdText, uid);
    } else if (entry != null) {
      uid = Long.parseLong(entry[2]);
    } else {
      throw new IllegalArgumentException("user " + parts[0] + " is not in the image's /etc/passwd");
    }
    if (entry != null) {
      gid = Long.parseLong(entry[3]);
    }
    if (parts.length == 2) {
      if (isNumber(parts[1])) {
        gid = Long.parseLong(parts[1]);
      } else {
        String[] g = find(new String(group, StandardCharsets.UTF_8), parts[1], 3);
        if (g == null) {
          throw new IllegalArgumentException(
              "group " + parts[1] + " is not in the image's /etc/group");
        }
        gid = Long.parseLong(g[2]);
      }
    }
    return new UserIds(uid, gid < 0 ? 0 : gid);
  }

  private static String[] find(String file, String name, int minFields) {
    for (String line : file.split("\n", -1)) {
      String[] fields = line.split(":");
      if (fields.length >= minFields && fields[0].equals(name)) {
        return fields;
      }
    }
    return null;
  }

  private static String[] findByUid(String file, long uid) {
    for (String line : file.split("\n", -1)) {
      String[] fields = line.split(":");
      if (fields.length >= 4 && fields[2].equals(Long.toString(uid))) {
        return fields;
      }
    }
    return null;
  }

  private static boolean isNumber(String s) {
    return !s.isEmpty() && s.chars().allMatch(Character::isDigit);
  }
}
