package org.fulcrum.cases;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.fulcrum.casefile.Actor;
import org.fulcrum.casefile.CaseSchema;
import org.fulcrum.casefile.Field;
import org.fulcrum.casefile.RecordSchema;
import org.fulcrum.casefile.Tie;
import org.fulcrum.cases.EmbeddedCaseReader.Actors;
import org.fulcrum.cases.EmbeddedCaseReader.Found;
import org.neo4j.graphdb.Direction;
import org.neo4j.internal.kernel.api.NodeCursor;
import org.neo4j.internal.kernel.api.PropertyCursor;
import org.neo4j.internal.kernel.api.RelationshipTraversalCursor;
import org.neo4j.internal.kernel.api.TokenRead;
import org.neo4j.kernel.api.KernelTransaction;
import org.neo4j.kernel.impl.coreapi.InternalTransaction;
import org.neo4j.memory.EmptyMemoryTracker;
import org.neo4j.storageengine.api.RelationshipSelection;
import org.neo4j.token.api.TokenConstants;
import org.neo4j.values.storable.ArrayValue;
import org.neo4j.values.storable.NumberValue;
import org.neo4j.values.storable.TextArray;
import org.neo4j.values.storable.TextValue;
import org.neo4j.values.storable.Value;

/**
 * One read transaction's kernel cursors, property slots and tie type, reused for every actor and
 * tie it reads for {@link EmbeddedCaseReader}; one thread uses it at a time.
 *
 * <p>The properties it reads are the fields of {@link CaseSchema#ACTOR} and {@link CaseSchema#TIE}
 * (plus the bookkeeping {@code seq} and {@code caseId}), each slot at its field's position, and
 * each field's value is decoded by the descriptor as the driver path decodes it ({@link
 * CaseGraphMapping#fromRow}): the two paths cannot disagree on which fields a record has.
 */
final class EmbeddedRecordCursors implements AutoCloseable {

  private static final RecordSchema<Actor> ACTOR = CaseSchema.ACTOR;
  private static final RecordSchema<Tie> TIE = CaseSchema.TIE;

  // slots: the descriptors' fields in order, then the bookkeeping properties
  private static final String[] ACTOR_KEYS = keys(ACTOR, "seq");
  private static final String[] TIE_KEYS = keys(TIE, "caseId");
  private static final int A_SEQ = ACTOR.fields().size();
  private static final int T_CASE = TIE.fields().size();
  private static final int T_SOURCE = TIE.indexOf("source");
  private static final int T_TARGET = TIE.indexOf("target");
  private static final int T_SOURCES = TIE.indexOf("sources");

  private final org.neo4j.internal.kernel.api.Read read;
  private final NodeCursor node;
  private final RelationshipTraversalCursor rel;
  private final PropertyCursor property;
  private final Slots actorSlots;
  private final Slots tieSlots;
  private final int tieType;
  private final Value[] a = new Value[ACTOR_KEYS.length];
  private final Value[] t = new Value[TIE_KEYS.length];
  // the record's field values, filled and handed to the descriptor for each record in turn
  private final Object[] actorValues = new Object[ACTOR.fields().size()];
  private final Object[] tieValues = new Object[TIE.fields().size()];
  private List<String> lastSourceList;

  EmbeddedRecordCursors(org.neo4j.graphdb.Transaction tx) {
    KernelTransaction ktx = ((InternalTransaction) tx).kernelTransaction();
    read = ktx.dataRead();
    var cursors = ktx.cursors();
    // Not the transaction's memory tracker: it would account every dynamic record the cursors
    // read (each tie's list of sources is one) against a pool shared by the reading threads,
    // for buffers that live only as long as one property; the profile showed the accounting.
    node = cursors.allocateNodeCursor(ktx.cursorContext(), EmptyMemoryTracker.INSTANCE);
    rel = cursors.allocateRelationshipTraversalCursor(ktx.cursorContext(), EmptyMemoryTracker.INSTANCE);
    property = cursors.allocatePropertyCursor(ktx.cursorContext(), EmptyMemoryTracker.INSTANCE);
    actorSlots = new Slots(ktx.tokenRead(), ACTOR_KEYS);
    tieSlots = new Slots(ktx.tokenRead(), TIE_KEYS);
    tieType = ktx.tokenRead().relationshipType("TIE");
  }

  private static String[] keys(RecordSchema<?> kind, String... bookkeeping) {
    return Stream.concat(kind.names().stream(), Arrays.stream(bookkeeping)).toArray(String[]::new);
  }

  /** The actors of {@code nodes[from, to)}, in that order. */
  List<Found> actors(long[] nodes, int from, int to) {
    List<Found> found = new ArrayList<>(to - from);
    for (int i = from; i < to; i++) {
      read.singleNode(nodes[i], node);
      if (node.next()) { // else deleted since the index was read
        node.properties(property);
        actorSlots.fill(property, a);
        long seq = a[A_SEQ] == null ? Long.MAX_VALUE : ((NumberValue) a[A_SEQ]).longValue();
        decode(ACTOR.fields(), a, actorValues, -1, -1, -1);
        found.add(new Found(nodes[i], seq, ACTOR.create(actorValues)));
      }
    }
    return found;
  }

  /** The case's ties out of {@code actors[from, to)}, actor by actor. */
  List<Tie> ties(Actors actors, int from, int to) {
    List<Tie> ties = new ArrayList<>();
    if (tieType == TokenConstants.NO_TOKEN) {
      return ties;
    }
    RelationshipSelection outgoingTies = RelationshipSelection.selection(tieType, Direction.OUTGOING);
    for (int i = from; i < to; i++) {
      Found actor = actors.found().get(i);
      read.singleNode(actor.node(), node);
      if (!node.next()) {
        continue; // deleted since the actors were read
      }
      node.relationships(rel, outgoingTies);
      while (rel.next()) {
        rel.properties(property);
        tieSlots.fill(property, t);
        if (t[T_CASE] instanceof TextValue c && c.stringValue().equals(actors.caseId())) {
          // A tie's ends are stored as its source and target properties; where they equal the
          // ids of the actors it joins (always, unless the store was edited by hand), the tie
          // takes the actors' own strings: a million fewer strings each, and the snapshot's
          // id look-ups then meet strings whose hashes are known and compare by identity.
          decode(TIE.fields(), t, tieValues, T_SOURCE, T_TARGET, T_SOURCES);
          tieValues[T_SOURCE] = same(str(t[T_SOURCE]), actor.actor().id());
          tieValues[T_TARGET] = same(str(t[T_TARGET]), actors.idByNode().get(rel.targetNodeReference()));
          tieValues[T_SOURCES] = sources(t[T_SOURCES]);
          ties.add(TIE.create(tieValues));
        }
      }
    }
    return ties;
  }

  /**
   * Each field's value from its slot, decoded by the field as the driver path decodes it, except
   * at the positions {@code skip1..3} (the caller fills those; -1 for none).
   */
  private static void decode(List<Field> fields, Value[] slots, Object[] values, int skip1, int skip2,
      int skip3) {
    for (int i = 0; i < values.length; i++) {
      if (i != skip1 && i != skip2 && i != skip3) {
        try {
          values[i] = fields.get(i).fromStored(plain(slots[i]));
        } catch (RuntimeException e) {
          // written past Fulcrum: name the record, field and value (the case: EmbeddedCaseGraph)
          String kind = fields == TIE.fields() ? TIE.kind() : ACTOR.kind();
          int id = fields == TIE.fields() ? TIE.indexOf("id") : ACTOR.indexOf("id");
          throw UnreadableRecordException.of(null, kind, slots[id] == null ? null : plain(slots[id]),
              fields.get(i), slots[i] == null ? null : slots[i].asObjectCopy(), e);
        }
      }
    }
  }

  /**
   * A stored value as the plain Java value the descriptor decodes: text, a number, a boolean, a
   * date, or an array of strings; {@code null} for an absent property.
   */
  private static Object plain(Value v) {
    if (v == null) {
      return null;
    }
    if (v instanceof ArrayValue array && !(v instanceof TextArray)) {
      if (array.intSize() == 0) {
        return new String[0]; // an empty list may be stored as an empty array of another type
      }
      throw new IllegalStateException("stored value '" + v + "' is not a list of strings");
    }
    return v.asObjectCopy();
  }

  private static String str(Value v) {
    return v == null ? null : ((TextValue) v).stringValue();
  }

  private static String same(String read, String known) {
    return read != null && read.equals(known) ? known : read;
  }

  /**
   * A tie's sources, as the list of the tie read before it when the stored value is the same:
   * ties recorded together often cite the same sources, and on a million ties one list
   * instead of a million is less for the garbage collector to copy while the ties are read.
   */
  @SuppressWarnings("unchecked")
  private List<String> sources(Value v) {
    if (v == null) {
      return List.of();
    }
    if (!sameStrings(v, lastSourceList)) {
      lastSourceList = (List<String>) TIE.fields().get(T_SOURCES).fromStored(plain(v));
    }
    return lastSourceList;
  }

  /** Whether a stored list holds these strings, compared as strings (Value.equals costs more). */
  private static boolean sameStrings(Value v, List<String> strings) {
    if (strings == null || !(v instanceof TextArray texts) || texts.intSize() != strings.size()) {
      return false;
    }
    for (int i = 0; i < strings.size(); i++) {
      if (!texts.stringValue(i).equals(strings.get(i))) {
        return false;
      }
    }
    return true;
  }

  @Override
  public void close() {
    property.close();
    rel.close();
    node.close();
  }

  /**
   * Property token ids to slots: resolved once per read, so that the loop over an entity's
   * properties is an array look-up per property. A key no entity has ever carried has no token
   * and simply never fills its slot.
   */
  private static final class Slots {

    private final int[] slotOfToken;

    Slots(TokenRead tokens, String[] keys) {
      int[] ids = new int[keys.length];
      int max = -1;
      for (int i = 0; i < keys.length; i++) {
        ids[i] = tokens.propertyKey(keys[i]);
        max = Math.max(max, ids[i]);
      }
      slotOfToken = new int[max + 1];
      Arrays.fill(slotOfToken, -1);
      for (int i = 0; i < keys.length; i++) {
        if (ids[i] != TokenConstants.NO_TOKEN) {
          slotOfToken[ids[i]] = i;
        }
      }
    }

    /** Clears {@code values}, then puts each wanted property of the cursor's entity in its slot. */
    void fill(PropertyCursor cursor, Value[] values) {
      Arrays.fill(values, null);
      while (cursor.next()) {
        int key = cursor.propertyKey();
        int slot = key < slotOfToken.length ? slotOfToken[key] : -1;
        if (slot >= 0) {
          values[slot] = cursor.propertyValue();
        }
      }
    }
  }

}
