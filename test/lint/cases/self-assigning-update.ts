import type { RuleCases } from "./case-types.js";

export default {
  valid: [
    "UPDATE orders SET total = total * 2 WHERE id = 1;",
    "UPDATE orders SET total = o.total FROM old_orders AS o WHERE o.id = orders.id;",
    "UPDATE orders SET tags[1] = tags WHERE id = 1;",
  ],
  invalid: [
    { sql: "UPDATE orders SET status = status, total = 0 WHERE id = 1;", findings: 1 },
    { sql: "UPDATE app.orders AS o SET note = o.note, (a, b) = (a, c);", findings: 2 },
  ],
} satisfies RuleCases;
