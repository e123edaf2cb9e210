package org.fulcrum.casefile;

import java.util.List;

/** A record's field values as read, in its descriptor's order; {@code null} where absent or bad. */
record RecordValues(RecordSchema<?> schema, Object[] all) {

  Object get(String name) {
    return all[schema.indexOf(name)];
  }

  void set(String name, Object value) {
    all[schema.indexOf(name)] = value;
  }

  @SuppressWarnings("unchecked")
  List<String> sources() {
    return (List<String>) get("sources");
  }
}
