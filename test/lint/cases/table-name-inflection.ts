import type { RuleCases } from "./case-types.js";

export default {
  valid: [
    "CREATE TABLE users (id bigint PRIMARY KEY); CREATE TABLE orders (id bigint PRIMARY KEY); CREATE TABLE order_status (id bigint PRIMARY KEY); CREATE TABLE staff (id bigint PRIMARY KEY);",
    "CREATE TABLE person (id bigint PRIMARY KEY); CREATE TABLE address (id bigint PRIMARY KEY); CREATE TABLE category (id bigint PRIMARY KEY);",
  ],
  invalid: [
    { sql: "CREATE TABLE users (id bigint PRIMARY KEY); CREATE TABLE orders (id bigint PRIMARY KEY); CREATE TABLE invoice (id bigint PRIMARY KEY);", findings: 1 },
    { sql: "CREATE TABLE person (id bigint PRIMARY KEY); CREATE TABLE children (id bigint PRIMARY KEY);", findings: 1 },
  ],
} satisfies RuleCases;
