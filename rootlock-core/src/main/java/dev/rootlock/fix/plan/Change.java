package dev.rootlock.fix.plan;

import dev.rootlock.model.FieldPath;
import java.util.List;
import java.util.Map;

/**
 * One semantic change to a document, by path from the object's root. The YAML editor turns changes
 * into text edits at the parser's positions; the mutating webhook turns them into JSON Patch
 * operations. Values are {@link Boolean}, {@link Long}, {@link String}, {@link List} or {@link Map}
 * (insertion-ordered), nothing else.
 *
 * <p>Changes describe the original document: a change never refers to something another change
 * creates except through {@link SetField}, which creates missing parents. Removals of several items
 * of one list are given highest index first, so that applying them in order stays correct.
 */
public sealed interface Change {

  /** The field the change is about. */
  FieldPath path();

  /** Sets {@code path} to {@code value}, replacing what is there and creating missing parents. */
  record SetField(FieldPath path, Object value) implements Change {}

  /** Appends {@code value} to the list at {@code path}, creating the list when it is missing. */
  record AppendItem(FieldPath path, Object value) implements Change {}

  /** Removes the field or list item at {@code path}. */
  record RemoveField(FieldPath path) implements Change {}
}
