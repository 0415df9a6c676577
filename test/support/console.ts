/** For tests that provoke console warnings on purpose: keeps them out of the log, and lets the test read them. */

/** Runs `run` with console warnings collected into the list it receives instead of printed. */
export async function collectingWarnings<T>(run: (warnings: string[]) => Promise<T>): Promise<T> {
  const original = console.warn;
  const warnings: string[] = [];
  console.warn = (message: string) => warnings.push(String(message));
  try {
    return await run(warnings);
  } finally {
    console.warn = original;
  }
}

/** Runs `run` with console warnings silenced. */
export const quietly = <T>(run: () => Promise<T>): Promise<T> => collectingWarnings(() => run());
