package org.fulcrum.opendata;

import org.fulcrum.casefile.ActorKind;

/**
 * An event data actor as resolved for the case.
 *
 * @param id the case actor id: a state's {@code od-<iso3>}, else {@code od-ev-<slug>}
 * @param iso3 the country the actor belongs to, or {@code null}
 * @param code the CAMEO actor code it resolved to (e.g. KENGOV, COP, IGO), or {@code null}
 * @param how which dictionary or rule resolved it, for the citation
 */
public record EventActor(String id, String name, ActorKind kind, String iso3, String code,
    String how) {

  public boolean state() {
    return kind == ActorKind.STATE;
  }
}
