package org.fulcrum.casefile;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.LocalDate;
import java.util.List;

/**
 * A directed relation through which {@code source} can move {@code target}.
 *
 * @param strength how strongly the source can move the target, in (0, 1]; for dependence ties the
 *     target's dependence on the source
 * @param confidence how sure the record is, in (0, 1]
 * @param from first day the tie holds, or {@code null} for "always"
 * @param to last day the tie holds, or {@code null} for "still"
 * @param veto for {@code member-of}: whether the member holds a veto, otherwise {@code null}
 * @param votingWeight for {@code member-of}: the member's voting weight, otherwise {@code null}
 * @param vote for {@code member-of}: the member's recorded vote on coercive action against the
 *     regime while the tie holds, or {@code null} (then inferred from its position)
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Tie(
    String id,
    String source,
    String target,
    TieType type,
    double strength,
    Polarity polarity,
    Channel channel,
    double confidence,
    LocalDate from,
    LocalDate to,
    Boolean veto,
    Double votingWeight,
    MemberVote vote,
    List<String> sources) {

  public Tie {
    sources = List.copyOf(sources);
  }

  /**
   * A tie without a recorded vote: kept because dozens of tests, benchmarks and open-data
   * assemblers build ties that never carry one.
   */
  public Tie(String id, String source, String target, TieType type, double strength,
      Polarity polarity, Channel channel, double confidence, LocalDate from, LocalDate to,
      Boolean veto, Double votingWeight, List<String> sources) {
    this(id, source, target, type, strength, polarity, channel, confidence, from, to, veto,
        votingWeight, null, sources);
  }

  /** The id a tie gets when its file gives none: source, type, target and start date. */
  public static String defaultId(String source, TieType type, String target, LocalDate from) {
    String id = source + ":" + type.label() + ":" + target;
    return from == null ? id : id + ":" + from;
  }

  /** This tie with another strength, everything else as it is. */
  public Tie withStrength(double strength) {
    return new Tie(id, source, target, type, strength, polarity, channel, confidence, from, to, veto,
        votingWeight, vote, sources);
  }

  /** This tie with another confidence, everything else as it is. */
  public Tie withConfidence(double confidence) {
    return new Tie(id, source, target, type, strength, polarity, channel, confidence, from, to, veto,
        votingWeight, vote, sources);
  }

  /** This tie citing other sources, everything else as it is. */
  public Tie withSources(List<String> sources) {
    return new Tie(id, source, target, type, strength, polarity, channel, confidence, from, to, veto,
        votingWeight, vote, sources);
  }

  /** Whether the tie holds on the given day (both ends inclusive). */
  public boolean validOn(LocalDate day) {
    return (from == null || !day.isBefore(from)) && (to == null || !day.isAfter(to));
  }
}
