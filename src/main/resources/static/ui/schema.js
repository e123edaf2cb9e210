// The dataset format as the server defines it (GET /api/schema, answered from the descriptors in
// org.fulcrum.casefile): for each record kind its fields, with type, whether required, range,
// vocabulary, format and the records a field applies to, and the longest id and text. Loaded once
// when the interface starts (main.js); every view takes its vocabularies and limits from here.
import { api } from './api.js';

let schema = null;

/** Fetches the schema; the views read it once this has resolved. */
export async function loadSchema() {
  schema = await api.get('/api/schema');
  return schema;
}

function loaded() {
  if (!schema) throw new Error('the dataset schema is not loaded yet');
  return schema;
}

/** The fields of a record kind, by its collection ('actors', 'ties', 'messages', 'sources'). */
export function fields(collection) {
  const kind = loaded().kinds.find(k => k.collection === collection);
  if (!kind) throw new Error(`the dataset has no records called ${collection}`);
  return kind.fields;
}

/** A vocabulary's values in the dataset's spelling, e.g. values('ties', 'type'). */
export function values(collection, name) {
  const field = fields(collection).find(f => f.name === name);
  if (!field || !field.values) throw new Error(`${collection}.${name} is not a vocabulary`);
  return field.values;
}

/** The longest id and text the API accepts. */
export function limits() {
  const s = loaded();
  return { maxIdLength: s.maxIdLength, maxTextLength: s.maxTextLength };
}

/** A number field's range as { lo, hi, loOpen, hiOpen }; hi is Infinity when there is no bound. */
export function range(field) {
  const bounded = field.max !== undefined && field.max !== null;
  return { lo: field.min, hi: bounded ? field.max : Infinity, loOpen: !field.minInclusive,
    hiOpen: bounded && !field.maxInclusive };
}
