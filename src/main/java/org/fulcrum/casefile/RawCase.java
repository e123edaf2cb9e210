package org.fulcrum.casefile;

import java.util.List;

/**
 * A case as read from JSON or CSV, not yet validated. {@code problems} holds what made the input
 * unreadable (malformed JSON, a missing CSV file); the validator adds the rest.
 */
public record RawCase(
    RawRecord header,
    List<RawRecord> sources,
    List<RawRecord> actors,
    List<RawRecord> ties,
    List<RawRecord> messages,
    List<ImportProblem> problems) {}
