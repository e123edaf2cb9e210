package org.fulcrum.casefile;

import com.fasterxml.jackson.annotation.JsonValue;

/** What an actor is. */
public enum ActorKind implements Label {
  STATE("state"),
  GOVERNMENT_BODY("government-body"),
  LEADER("leader"),
  ARMED_GROUP("armed-group"),
  FORUM("forum"),
  BUSINESS("business"),
  MEDIA("media"),
  DIASPORA("diaspora"),
  COMMUNITY("community"),
  NGO("ngo"),
  INDIVIDUAL("individual");

  private final String label;

  ActorKind(String label) {
    this.label = label;
  }

  @Override
  @JsonValue
  public String label() {
    return label;
  }
}
