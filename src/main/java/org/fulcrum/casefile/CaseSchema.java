package org.fulcrum.casefile;

import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The dataset format's record kinds, one {@link RecordSchema} each: the single definition of what
 * fields an actor, a tie, a message and a source have and what values they allow. The validator,
 * the CSV and JSON readers and writer, both store mappings and {@code GET /api/schema} (and through
 * it the web interface) read these.
 */
public final class CaseSchema {

  private static final Set<String> ISO3 =
      Set.copyOf(Locale.getISOCountries(Locale.IsoCountryCode.PART1_ALPHA3));

  private static final Field.Range SIGNED = Field.Range.closed(-1, 1);
  private static final Field.Range UNIT = Field.Range.closed(0, 1);
  private static final Field.Range UNIT_OPEN = Field.Range.openClosed(0, 1);

  public static final RecordSchema<Source> SOURCE = new RecordSchema<>("source", "sources", Source.class,
      CaseFile::sources,
      Field.id("id").required(),
      Field.text("citation").required(),
      Field.text("url").format(url -> url.startsWith("https://") || url.startsWith("http://"),
          "an http:// or https:// address"));

  public static final RecordSchema<Actor> ACTOR = new RecordSchema<>("actor", "actors", Actor.class,
      CaseFile::actors,
      Field.id("id").required(),
      Field.text("name").required(),
      Field.vocabulary("kind", ActorKind.class).required(),
      Field.text("country").format(ISO3::contains, "an ISO 3166 alpha-3 country code such as SDN"),
      Field.number("position", SIGNED).required(),
      Field.number("capability", UNIT).required(),
      Field.number("salience", UNIT).required(),
      Field.vocabulary("targetGroup", TargetGroup.class),
      Field.vocabulary("decisionRule", DecisionRule.class).onlyWhen("kind", ActorKind.FORUM,
          kind -> "only a forum has a decision rule; this actor is a " + kind.label()),
      Field.number("decisionThreshold", Field.Range.above(0)).onlyWhen("kind", ActorKind.FORUM,
          kind -> "only a forum has a decision threshold; this actor is a " + kind.label()),
      Field.number("blockingMinority", Field.Range.open(0, 1)).onlyWhen("kind", ActorKind.FORUM,
          kind -> "only a forum has a blocking minority; this actor is a " + kind.label()),
      Field.sources());

  public static final RecordSchema<Tie> TIE = new RecordSchema<>("tie", "ties", Tie.class,
      CaseFile::ties,
      Field.id("id"),
      Field.actor("source").required(),
      Field.actor("target").required(),
      Field.vocabulary("type", TieType.class).required(),
      Field.number("strength", UNIT_OPEN).required(),
      Field.vocabulary("polarity", Polarity.class).required(),
      Field.vocabulary("channel", Channel.class).required(),
      Field.number("confidence", UNIT_OPEN).required(),
      Field.date("from"),
      Field.date("to"),
      Field.bool("veto").onlyWhen("type", TieType.MEMBER_OF,
          type -> "only a member-of tie carries a veto; this is " + type.label()),
      Field.number("votingWeight", Field.Range.above(0)).onlyWhen("type", TieType.MEMBER_OF,
          type -> "only a member-of tie carries a voting weight; this is " + type.label()),
      Field.vocabulary("vote", MemberVote.class).onlyWhen("type", TieType.MEMBER_OF,
          type -> "only a member-of tie carries a vote; this is " + type.label()),
      Field.sources());

  public static final RecordSchema<Message> MESSAGE = new RecordSchema<>("message", "messages",
      Message.class, CaseFile::messages,
      Field.id("id").required(),
      Field.actor("speaker").required(),
      Field.text("channel").required(),
      Field.actor("forum"),
      Field.actor("audience").required(),
      Field.text("issue").required(),
      Field.vocabulary("stance", Stance.class),
      Field.number("intensity", UNIT),
      Field.date("date").required(),
      Field.text("text"),
      Field.sources());

  /** Every kind, in the order a case lists and writes them (what a record cites comes first). */
  public static final List<RecordSchema<?>> KINDS = List.of(SOURCE, ACTOR, TIE, MESSAGE);

  private CaseSchema() {}
}
