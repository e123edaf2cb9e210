package org.fulcrum.analysis;

import org.fulcrum.casefile.Channel;
import org.fulcrum.casefile.Polarity;

/**
 * The family of tools a tie opens to whoever uses it, after Table 1 of Genocide Prevention Task Force, <i>Preventing Genocide</i> (2008), ch. 4: a functional type
 * (diplomatic, economic, legal, military; or the informational, command and social channels that
 * the catalogue does not list) and whether the tool is cooperative or coercive.
 *
 * @param type the channel the tool works through
 * @param mode {@code cooperative} for supportive ties, {@code coercive} for hostile ones
 */
public record ToolFamily(String type, String mode) {

  public static ToolFamily of(Channel channel, Polarity polarity) {
    return new ToolFamily(channel.label(), polarity == Polarity.HOSTILE ? "coercive" : "cooperative");
  }

  @Override
  public String toString() {
    return type + "/" + mode;
  }
}
