/** Classes case.ts needs from result.ts, which imports case.ts: filled in when result.ts loads. */
export const resultClasses: { TestResult: unknown } = { TestResult: null };
