/** Test doubles and test-only calls for the Kommo client: what tests outside core/kommo import. */
export { json, ScriptedTransport, type Answer } from './fakes';
export { kommoWrites, type LeadPatch, type NoteInput, type TaskInput } from './writes';
