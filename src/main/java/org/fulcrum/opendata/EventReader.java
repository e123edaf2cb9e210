package org.fulcrum.opendata;

import java.time.LocalDate;
import java.util.function.Consumer;

/** Streams the events of one file, resolved, to a consumer; rows outside the window are skipped. */
public interface EventReader {

  /** What a read saw. */
  record Counts(long rows, long inWindow, long uncoded) {}

  Counts read(LocalDate from, LocalDate to, Consumer<CodedEvent> sink);
}
