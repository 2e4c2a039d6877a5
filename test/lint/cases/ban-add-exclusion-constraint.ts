import type { RuleCases } from "./case-types.js";

export default {
  setup: "CREATE EXTENSION IF NOT EXISTS btree_gist; CREATE TABLE bookings (id bigint PRIMARY KEY, room int, during tstzrange);",
  valid: [
    "CREATE TABLE slots (room int, during tstzrange, EXCLUDE USING gist (during WITH &&));",
    "CREATE TABLE rooms (room int, during tstzrange);\nALTER TABLE rooms ADD CONSTRAINT rooms_no_overlap EXCLUDE USING gist (during WITH &&);",
    "ALTER TABLE bookings ADD CONSTRAINT bookings_room_check CHECK (room > 0) NOT VALID;",
  ],
  invalid: [
    { sql: "ALTER TABLE bookings ADD CONSTRAINT bookings_no_overlap EXCLUDE USING gist (room WITH =, during WITH &&);", findings: 1 },
    { sql: "ALTER TABLE bookings ADD COLUMN note text, ADD EXCLUDE USING gist (during WITH &&);", findings: 1 },
  ],
} satisfies RuleCases;
