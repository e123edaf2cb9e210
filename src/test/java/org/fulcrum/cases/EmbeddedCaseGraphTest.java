package org.fulcrum.cases;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.fulcrum.casefile.Actor;
import org.fulcrum.casefile.ActorKind;
import org.fulcrum.casefile.CaseFile;
import org.fulcrum.casefile.Phase;
import org.fulcrum.casefile.Tempo;
import org.junit.jupiter.api.Test;

/**
 * The in-process adapter falls back to the driver, for good, when Neo4j's internals are not what it
 * was written against: here a reader whose kernel call is gone ({@link NoSuchMethodError}), and a
 * writer on no database at all, which must then never be called.
 */
class EmbeddedCaseGraphTest {

  static final Actor A = new Actor("a", "A", ActorKind.STATE, null, 0, 0.5, 0.5, null, null, List.of());

  /** A driver adapter that answers one actor and notes what it was asked. */
  static final class DriverStub implements CaseGraphPort {
    final List<String> calls = new ArrayList<>();

    @Override
    public Snapshot read(String caseId) {
      calls.add("read " + caseId);
      return new Snapshot(List.of(A), List.of());
    }

    @Override
    public StagedWrite stage(CaseFile c) {
      return (part, from, to) -> calls.add(part.name() + " " + from + "-" + to);
    }
  }

  static final class GoneKernelReader extends EmbeddedCaseReader {
    int reads;

    GoneKernelReader() {
      super(null);
    }

    @Override
    Content read(String caseId) {
      reads++;
      throw new NoSuchMethodError("org.neo4j.internal.kernel.api.Read.singleNode(long, NodeCursor)");
    }
  }

  @Test
  void aMissingInternalMethodSwitchesReadsAndImportsToTheDriverForGood() {
    var reader = new GoneKernelReader();
    var driver = new DriverStub();
    var adapter = new EmbeddedCaseGraph(reader, new EmbeddedCaseWriter(null), driver);

    assertThat(adapter.read("c").actors()).containsExactly(A);
    assertThat(adapter.read("c").actors()).containsExactly(A);
    assertThat(reader.reads).as("the reader is not tried again").isEqualTo(1);

    CaseFile c = new CaseFile("c", "C", null, LocalDate.of(2008, 1, 1), Tempo.ROLLING, Phase.LATENT,
        List.of(), List.of(A), List.of(), List.of());
    var actors = CaseGraphRepository.PARTS.stream().filter(p -> p.name().equals("actors")).findFirst().orElseThrow();
    adapter.stage(c).write(actors, 0, 1);
    assertThat(driver.calls).containsExactly("read c", "read c", "actors 0-1");
    adapter.close();
  }
}
