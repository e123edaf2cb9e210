package org.fulcrum.analysis;

import java.util.List;
import org.fulcrum.casefile.Label;
import org.fulcrum.casefile.Phase;
import org.fulcrum.casefile.Tempo;
import org.fulcrum.error.InvalidRequestException;

/**
 * What a playbook is asked for.
 *
 * @param engager who would apply the tools (an actor id)
 * @param target whose regime the planners and perpetrators are drawn from (an actor id)
 * @param phase where the crisis stands
 * @param tempo volcanic (rapid killing: slow tools are left out, fast ones come first) or rolling
 * @param actorsPerTool for each tool and group, at most this many actors, the best reached first
 * @param coalition the engager's partners (actor ids), besides its own government ({@link
 *     Governments}): never candidates; their ties into the regime are listed as levers they hold
 */
public record PlaybookQuery(String engager, String target, Phase phase, Tempo tempo,
    int actorsPerTool, List<String> coalition) {

  public static final int ACTORS_PER_TOOL_DEFAULT = 3;
  public static final int ACTORS_PER_TOOL_MAX = 50;

  public PlaybookQuery {
    if (engager == null || engager.isBlank()) {
      throw new InvalidRequestException("engager: the engager's actor id is required");
    }
    if (target == null || target.isBlank()) {
      throw new InvalidRequestException("target: the target's actor id is required");
    }
    if (engager.equals(target)) {
      throw new InvalidRequestException("target: the same actor as the engager ('" + engager + "')");
    }
    if (phase == null) {
      throw new InvalidRequestException("phase: required, one of " + Label.allowed(Phase.class));
    }
    if (tempo == null) {
      throw new InvalidRequestException("tempo: required, one of " + Label.allowed(Tempo.class));
    }
    if (actorsPerTool < 1 || actorsPerTool > ACTORS_PER_TOOL_MAX) {
      throw new InvalidRequestException("actorsPerTool: must be between 1 and "
          + ACTORS_PER_TOOL_MAX + ", got " + actorsPerTool);
    }
    coalition = ActorIds.list(coalition);
  }

  public PlaybookQuery(String engager, String target, Phase phase, Tempo tempo, int actorsPerTool) {
    this(engager, target, phase, tempo, actorsPerTool, List.of());
  }

  public PlaybookQuery(String engager, String target, Phase phase, Tempo tempo) {
    this(engager, target, phase, tempo, ACTORS_PER_TOOL_DEFAULT, List.of());
  }

  /**
   * A query from the labels used in files and URLs ({@code mass-atrocity}, {@code volcanic}).
   *
   * @throws IllegalArgumentException naming the field that is missing or not a known label
   */
  public static PlaybookQuery of(String engager, String target, String phase, String tempo) {
    return of(engager, target, phase, tempo, List.of());
  }

  /** As {@link #of(String, String, String, String)}, with the engager's partners. */
  public static PlaybookQuery of(String engager, String target, String phase, String tempo,
      List<String> coalition) {
    return new PlaybookQuery(engager, target, parse(Phase.class, "phase", phase),
        parse(Tempo.class, "tempo", tempo), ACTORS_PER_TOOL_DEFAULT, coalition);
  }

  private static <E extends Enum<E> & Label> E parse(Class<E> type, String field, String text) {
    if (text == null || text.isBlank()) {
      return null;
    }
    return Label.parse(type, text).orElseThrow(() -> new InvalidRequestException(
        field + ": '" + text + "' is not one of " + Label.allowed(type)));
  }
}
