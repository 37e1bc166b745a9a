package dev.rootlock.policy.exempt;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A list of exemptions and the day they are judged on; decides, purely, whether a finding is
 * exempt. The first exemption that covers a finding wins, in the order given (in-object ones first,
 * then the config file's), so reports name one reason.
 */
public final class Exemptions {

  public static final Exemptions NONE = new Exemptions(List.of(), LocalDate.MIN);

  private final List<Exemption> exemptions;
  private final LocalDate today;

  public Exemptions(List<Exemption> exemptions, LocalDate today) {
    this.exemptions = List.copyOf(exemptions);
    this.today = Objects.requireNonNull(today, "today");
  }

  public List<Exemption> list() {
    return exemptions;
  }

  public LocalDate today() {
    return today;
  }

  public boolean isEmpty() {
    return exemptions.isEmpty();
  }

  /** These exemptions followed by {@code more}, judged on the same day. */
  public Exemptions plus(List<Exemption> more) {
    if (more.isEmpty()) {
      return this;
    }
    List<Exemption> all = new ArrayList<>(more);
    all.addAll(exemptions);
    return new Exemptions(all, today);
  }

  /**
   * The verdict on a finding of {@code check} about {@code object}: about the whole object when
   * {@code containers} is empty, else about each named container (whose image {@code images}
   * gives). A finding about several containers is exempt only when every one of them is.
   */
  public ExemptionVerdict judge(
      String check, Subject object, List<String> containers, Map<String, String> images) {
    if (containers.isEmpty()) {
      return judgeOne(check, object);
    }
    List<String> exempt = new ArrayList<>();
    List<Exemption> by = new ArrayList<>();
    ExemptionVerdict expired = null;
    for (String container : containers) {
      ExemptionVerdict verdict =
          judgeOne(check, object.container(container, images.get(container)));
      if (verdict instanceof ExemptionVerdict.Exempt one) {
        exempt.add(container);
        if (!by.contains(one.exemption())) {
          by.add(one.exemption());
        }
      } else if (verdict instanceof ExemptionVerdict.Expired && expired == null) {
        expired = verdict;
      }
    }
    if (exempt.size() == containers.size()) {
      return new ExemptionVerdict.Exempt(by);
    }
    if (!exempt.isEmpty()) {
      return new ExemptionVerdict.Partial(exempt, by.get(0));
    }
    return expired == null ? ExemptionVerdict.NONE : expired;
  }

  private ExemptionVerdict judgeOne(String check, Subject subject) {
    Exemption expired = null;
    for (Exemption exemption : exemptions) {
      if (exemption.covers(check) && exemption.scope().matches(subject)) {
        if (!exemption.expiredOn(today)) {
          return new ExemptionVerdict.Exempt(List.of(exemption));
        }
        expired = expired == null ? exemption : expired;
      }
    }
    return expired == null ? ExemptionVerdict.NONE : new ExemptionVerdict.Expired(expired);
  }
}
