/** Sample data that satisfies a schema's constraints: a pure plan (`planSample`) and the filling (`insertSampleRows`). */
export { insertSampleRows } from "./insert-sample-rows.js";
export type { SampleOptions, SampleReport, SampleTableReport } from "./options.js";
export { planSample, type SamplePlan } from "./sample-plan.js";
export type { ForeignKeyPlan, TablePlan } from "./table-plan.js";
