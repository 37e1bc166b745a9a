package dev.rootlock.fix.yaml;

import dev.rootlock.model.FieldPath;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/** Helpers for the plain values of changes and of {@link PlainTree}. */
final class Values {

  private static final BigInteger LONG_MIN = BigInteger.valueOf(Long.MIN_VALUE);
  private static final BigInteger LONG_MAX = BigInteger.valueOf(Long.MAX_VALUE);

  private Values() {}

  /** A Long when it fits, else the BigInteger. */
  static Object integer(BigInteger value) {
    return value.compareTo(LONG_MIN) >= 0 && value.compareTo(LONG_MAX) <= 0
        ? (Object) value.longValue()
        : value;
  }

  /** A deep copy with every integer as a Long and every collection mutable. */
  static Object normalise(Object value) {
    return copy(value);
  }

  static Object copy(Object value) {
    if (value instanceof Map<?, ?> map) {
      Map<String, Object> copy = new LinkedHashMap<>();
      for (Map.Entry<?, ?> entry : map.entrySet()) {
        copy.put((String) entry.getKey(), copy(entry.getValue()));
      }
      return copy;
    }
    if (value instanceof List<?> list) {
      List<Object> copy = new ArrayList<>();
      for (Object item : list) {
        copy.add(copy(item));
      }
      return copy;
    }
    if (value instanceof Integer number) {
      return number.longValue();
    }
    return value;
  }

  static boolean equal(Object a, Object b) {
    return Objects.equals(copy(a), copy(b));
  }

  /** {@code value} nested under {@code keys}: {@code [a, b], v} is {@code {a: {b: v}}}. */
  static Object wrap(List<Object> keys, Object value, FieldPath path) throws EditException {
    Object wrapped = value;
    for (int i = keys.size() - 1; i >= 0; i--) {
      if (!(keys.get(i) instanceof String key)) {
        throw new EditException(path + ": cannot create list item " + keys.get(i));
      }
      Map<String, Object> map = new LinkedHashMap<>();
      map.put(key, wrapped);
      wrapped = map;
    }
    return wrapped;
  }

  /**
   * Puts {@code value} at {@code key}, merging mappings already there. A list already there is
   * replaced ({@code append} false: a set) or extended ({@code append} true), where an item equal
   * to one already added is skipped when {@code shared}: two uses of one aliased node asking for
   * the same item need it once.
   */
  @SuppressWarnings("unchecked")
  static void merge(
      Map<String, Object> target, String key, Object value, boolean append, boolean shared) {
    Object existing = target.get(key);
    if (existing instanceof Map<?, ?> old && value instanceof Map<?, ?> added) {
      for (Map.Entry<?, ?> entry : added.entrySet()) {
        merge((Map<String, Object>) old, (String) entry.getKey(), entry.getValue(), append, shared);
      }
    } else if (append && existing instanceof List<?> old && value instanceof List<?> added) {
      for (Object item : added) {
        if (!shared || !old.contains(item)) {
          ((List<Object>) old).add(item);
        }
      }
    } else {
      target.put(key, value);
    }
  }
}
