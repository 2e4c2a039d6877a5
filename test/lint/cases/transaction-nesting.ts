import type { RuleCases } from "./case-types.js";

export default {
  valid: [
    "BEGIN;\nCREATE TABLE t (a int);\nCOMMIT;",
    "BEGIN;\nSELECT 1;\nCOMMIT;\nSTART TRANSACTION;\nSELECT 2;\nEND;",
    "BEGIN;\nSAVEPOINT s;\nROLLBACK TO SAVEPOINT s;\nCOMMIT;",
  ],
  invalid: [
    { sql: "BEGIN;\nBEGIN;\nSELECT 1;\nCOMMIT;", findings: 1 },
    { sql: "CREATE TABLE t (a int);\nCOMMIT;", findings: 1 },
    { sql: "BEGIN;\nCOMMIT;\nROLLBACK;", findings: 1 },
  ],
} satisfies RuleCases;
