package org.fulcrum.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;
import org.fulcrum.analysis.consistency.ConsistencyQuery;
import org.fulcrum.analysis.consistency.ConsistencyReport;
import org.fulcrum.analysis.consistency.FindingKind;
import org.fulcrum.analysis.consistency.MessageConsistency;
import org.fulcrum.analysis.consistency.StanceClassifier;
import org.fulcrum.casefile.Actor;
import org.fulcrum.casefile.ActorKind;
import org.fulcrum.casefile.Channel;
import org.fulcrum.casefile.Message;
import org.fulcrum.casefile.Polarity;
import org.fulcrum.casefile.Stance;
import org.fulcrum.casefile.Tie;
import org.fulcrum.casefile.TieType;

/**
 * The message-consistency benchmark of docs/benchmarks.md: a generated coalition of 20 speakers
 * (8 states, 8 of their envoys, 4 forums) and 10,000 messages on 10 issues over four years, toward a
 * five-actor regime and two other audiences; each speaker holds a line per issue and strays from it
 * 15% of the time; 10% of the messages carry only a text, whose stance the classifier derives.
 * Times the review of each issue (the REST endpoint's {@code issue=} parameter) and of the whole
 * case, in memory (no Neo4j).
 *
 * <pre>java -cp target/classes:target/test-classes:$(cat target/cp.txt) org.fulcrum.bench.MessageConsistencyBenchmark [--messages 10000] [--rounds 20]</pre>
 */
public final class MessageConsistencyBenchmark {

  static final String[] TEXTS = {
    "The minister urged the government to stop the attacks immediately.",
    "We warn that there will be consequences unless the militia is disarmed.",
    "The council condemned the bombing of villages in the strongest terms.",
    "The envoy welcomed the agreement and offered full support to the talks.",
    "The delegation abstained, saying more pressure would not help.",
    "Officials offered aid and a loan in return for access.",
  };

  public static void main(String[] args) throws IOException {
    Map<String, String> opt = options(args);
    int messages = Integer.parseInt(opt.getOrDefault("messages", "10000"));
    int rounds = Integer.parseInt(opt.getOrDefault("rounds", "20"));
    long seed = Long.parseLong(opt.getOrDefault("seed", "1"));
    System.out.println(machine());

    Generated g = generate(messages, seed);
    System.out.printf("case: %d speakers, %d messages, %d issues, %d ties, seed %d%n", g.speakers,
        g.messages.size(), g.issues.size(), g.ties.size(), seed);
    StanceClassifier classifier = StanceClassifier.bundled();
    ConsistencyQuery all = ConsistencyQuery.defaults();

    ConsistencyReport whole = null;
    for (int i = 0; i < 5; i++) { // warm-up
      whole = new MessageConsistency("bench", g.end, g.actors, g.ties, g.messages, classifier).run(all);
    }
    Map<FindingKind, Integer> kinds = new EnumMap<>(FindingKind.class);
    whole.issues().forEach(i -> i.findings().forEach(f -> kinds.merge(f.kind(), 1, Integer::sum)));
    System.out.printf(Locale.ROOT, "whole case: score %.3f, %d findings %s, %d derived stances, %d pending threats%n",
        whole.score(), whole.findings(), kinds, whole.derived().size(), whole.pendingThreats().size());

    double[] perIssue = new double[rounds * g.issues.size()];
    int[] findings = new int[1];
    int k = 0;
    for (int r = 0; r < rounds; r++) {
      for (String issue : g.issues) {
        long t0 = System.nanoTime();
        ConsistencyReport one = new MessageConsistency("bench", g.end, g.actors, g.ties, g.messages, classifier)
            .run(all.withIssue(issue));
        perIssue[k++] = (System.nanoTime() - t0) / 1e6;
        findings[0] += one.findings();
      }
    }
    double[] wholeMs = new double[rounds];
    for (int r = 0; r < rounds; r++) {
      long t0 = System.nanoTime();
      new MessageConsistency("bench", g.end, g.actors, g.ties, g.messages, classifier).run(all);
      wholeMs[r] = (System.nanoTime() - t0) / 1e6;
    }
    distribution("one issue (~1,000 messages), constructor + review", perIssue);
    System.out.printf(Locale.ROOT, "  %.0f findings per issue on average%n", findings[0] / (double) perIssue.length);
    distribution("whole case (10 issues), constructor + review", wholeMs);
  }

  record Generated(int speakers, List<Actor> actors, List<Tie> ties, List<Message> messages,
      List<String> issues, LocalDate end) {}

  static Generated generate(int count, long seed) {
    SplittableRandom random = new SplittableRandom(seed);
    List<Actor> actors = new ArrayList<>();
    List<String> speakers = new ArrayList<>();
    for (int i = 0; i < 8; i++) {
      actors.add(actor("state" + i, ActorKind.STATE, "C" + i, 0.3 + 0.05 * i, 0.4 + 0.07 * i));
      actors.add(actor("envoy" + i, ActorKind.INDIVIDUAL, "C" + i, 0.6, 0.3));
      speakers.add("state" + i);
      speakers.add("envoy" + i);
    }
    for (int i = 0; i < 4; i++) {
      actors.add(actor("forum" + i, ActorKind.FORUM, null, 0.5, 0.6));
      speakers.add("forum" + i);
    }
    String[] regime = {"regime", "leader", "army", "militia", "ministry"};
    for (String r : regime) {
      actors.add(actor(r, r.equals("leader") ? ActorKind.LEADER : ActorKind.GOVERNMENT_BODY, "R", -0.9, 0.7));
    }
    actors.add(actor("public", ActorKind.COMMUNITY, null, 0.3, 0.1));
    actors.add(actor("patron", ActorKind.STATE, "P", -0.4, 0.8));
    String[] audiences = {"regime", "leader", "army", "militia", "ministry", "public", "patron"};

    LocalDate start = LocalDate.of(2020, 1, 1);
    int days = 4 * 365;
    List<Tie> ties = new ArrayList<>();
    ties.add(tie("leader", TieType.CONTROLS, "regime", 0.9, Polarity.SUPPORTIVE, null, null));
    ties.add(tie("regime", TieType.CONTROLS, "army", 0.8, Polarity.SUPPORTIVE, null, null));
    ties.add(tie("regime", TieType.CONTROLS, "ministry", 0.8, Polarity.SUPPORTIVE, null, null));
    ties.add(tie("army", TieType.CONTROLS, "militia", 0.6, Polarity.SUPPORTIVE, null, null));
    for (int i = 0; i < 60; i++) { // sanctions imposed over the years, trade ties that end
      String source = speakers.get(random.nextInt(speakers.size()));
      String target = regime[random.nextInt(regime.length)];
      LocalDate from = start.plusDays(random.nextInt(days));
      ties.add(i % 3 == 0
          ? tie(source, TieType.TRADES_WITH, target, 0.1 + 0.4 * random.nextDouble(), Polarity.SUPPORTIVE, null, from)
          : tie(source, TieType.SANCTIONS, target, 0.1 + 0.4 * random.nextDouble(), Polarity.HOSTILE, from, null));
    }

    List<String> issues = new ArrayList<>();
    for (int i = 0; i < 10; i++) {
      issues.add("issue" + i);
    }
    Map<String, Stance> line = new HashMap<>();
    Stance[] stances = Stance.values();
    for (String s : speakers) {
      for (String issue : issues) {
        // most members press; a few hold a softer line
        line.put(s + issue, random.nextDouble() < 0.75
            ? new Stance[] {Stance.DEMAND, Stance.THREAT, Stance.CONDEMNATION}[random.nextInt(3)]
            : stances[random.nextInt(stances.length)]);
      }
    }
    List<Message> messages = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      String speaker = speakers.get(random.nextInt(speakers.size()));
      String issue = issues.get(random.nextInt(issues.size()));
      Stance stance = random.nextDouble() < 0.85 ? line.get(speaker + issue) : stances[random.nextInt(stances.length)];
      double intensity = Math.round(Math.max(0.1, Math.min(1, 0.5 + 0.2 * (random.nextDouble() - 0.5) * 2)) * 20) / 20.0;
      boolean textOnly = random.nextDouble() < 0.1;
      String forum = speaker.startsWith("forum") ? speaker : null;
      messages.add(new Message("m" + i, speaker, random.nextBoolean() ? "press" : "bilateral", forum,
          audiences[random.nextInt(audiences.length)], issue, textOnly ? null : stance,
          textOnly ? null : intensity, start.plusDays(random.nextInt(days)),
          textOnly ? TEXTS[random.nextInt(TEXTS.length)] : null, List.of("s")));
    }
    return new Generated(speakers.size(), actors, ties, messages, issues, start.plusDays(days));
  }

  static Actor actor(String id, ActorKind kind, String country, double position, double capability) {
    return new Actor(id, id, kind, country, position, capability, 0.5, null, null, List.of("s"));
  }

  static Tie tie(String source, TieType type, String target, double strength, Polarity polarity,
      LocalDate from, LocalDate to) {
    return new Tie(source + ":" + type.label() + ":" + target + ":" + from + ":" + to, source, target, type,
        strength, polarity, Channel.ECONOMIC, 0.9, from, to, null, null, List.of("s"));
  }

  static void distribution(String what, double[] ms) {
    double[] sorted = ms.clone();
    Arrays.sort(sorted);
    System.out.printf(Locale.ROOT, "%-50s median %8.2f ms   p95 %8.2f ms   max %8.2f ms   (n=%d)%n", what,
        sorted[sorted.length / 2], sorted[(int) Math.ceil(0.95 * sorted.length) - 1], sorted[sorted.length - 1],
        sorted.length);
  }

  static Map<String, String> options(String[] args) {
    Map<String, String> opt = new HashMap<>();
    for (int i = 0; i < args.length; i++) {
      if (args[i].startsWith("--")) {
        opt.put(args[i].substring(2), i + 1 < args.length && !args[i + 1].startsWith("--") ? args[++i] : "true");
      }
    }
    return opt;
  }

  static String machine() throws IOException {
    String cpu = Files.readAllLines(Path.of("/proc/cpuinfo")).stream()
        .filter(l -> l.startsWith("model name")).findFirst().map(l -> l.substring(l.indexOf(':') + 2))
        .orElse("unknown");
    String mem = Files.readAllLines(Path.of("/proc/meminfo")).get(0).replaceAll("\\s+", " ");
    return String.format("machine: %d cores (%s), %s, Java %s, max heap %d MiB",
        Runtime.getRuntime().availableProcessors(), cpu, mem, System.getProperty("java.version"),
        Runtime.getRuntime().maxMemory() / (1024 * 1024));
  }
}
