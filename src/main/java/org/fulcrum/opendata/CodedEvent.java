package org.fulcrum.opendata;

import java.time.LocalDate;

/**
 * One CAMEO-coded event, whatever format it came from.
 *
 * @param file the file it was read from
 * @param row its 1-based data row (header excluded)
 */
public record CodedEvent(EventActor source, EventActor target, LocalDate date, CameoCodes.Code code,
    int quadClass, double goldstein, String file, long row) {}
