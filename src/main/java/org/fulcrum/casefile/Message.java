package org.fulcrum.casefile;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.LocalDate;
import java.util.List;

/**
 * A public statement by an actor, the raw material of the message-consistency review.
 *
 * @param channel free text such as {@code unsc-statement}, {@code bilateral}, {@code press}
 * @param forum the forum actor it was said in, or {@code null}
 * @param stance what the message does, or {@code null} when only its text is known
 * @param intensity how forcefully, in [0, 1], or {@code null} when only its text is known
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Message(
    String id,
    String speaker,
    String channel,
    String forum,
    String audience,
    String issue,
    Stance stance,
    Double intensity,
    LocalDate date,
    String text,
    List<String> sources) {

  public Message {
    sources = List.copyOf(sources);
  }
}
