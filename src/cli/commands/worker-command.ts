import type { Command } from "commander";
import { openRuntime } from "../open-runtime.ts";

/** `sceau worker`: runs the background jobs (batches, mail) until stopped, beside or instead of the server's. */
export function workerCommand(program: Command) {
  program
    .command("worker")
    .description("run background jobs (issuing batches, learner emails) until SIGINT or SIGTERM")
    .action(async () => {
      const { runtime } = await openRuntime();
      runtime.startWorker();
      process.stdout.write("worker running; Ctrl-C to stop\n");
      await new Promise<void>((resolve) => {
        process.once("SIGINT", resolve);
        process.once("SIGTERM", resolve);
      });
      await runtime.close();
      process.exit(0);
    });
}
