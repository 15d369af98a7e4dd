import type { Command } from "commander";
import { openRuntime } from "../open-runtime.ts";

export function auditCommands(program: Command) {
  const audit = program.command("audit").description("the append-only audit trail");
  audit
    .command("verify")
    .description("recompute the hash chain of the whole trail; exit 0 intact, 1 broken")
    .action(async () => {
      const { runtime } = await openRuntime();
      try {
        const report = await runtime.deps.core.stores.audit.verifyChain();
        if (report.ok)
          process.stdout.write(`audit trail intact: ${report.checked} event(s) / journal intact\n`);
        else {
          process.stdout.write(
            `audit trail BROKEN at event #${report.brokenAtSeq} (after ${report.checked} good event(s)) / journal ROMPU\n`,
          );
          process.exitCode = 1;
        }
      } finally {
        await runtime.close();
      }
    });
}
