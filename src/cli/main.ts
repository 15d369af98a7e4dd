import { Command, CommanderError } from "commander";
import { migrateDatabase } from "../adapters/db/migrate-database.ts";
import { openDatabase } from "../adapters/db/open-database.ts";
import { pendingMigrations } from "../adapters/db/pending-migrations.ts";
import { databaseTarget, VERSION } from "../composition/deps.ts";
import { printSeedResult } from "../composition/print-seed-result.ts";
import { ConfigError, loadConfig } from "../config/config.ts";
import { requestPasswordReset } from "../core/accounts/request-password-reset.ts";
import { seedDemo } from "../core/demo/seed-demo.ts";
import { auditCommands } from "./commands/audit-commands.ts";
import { issueCommand } from "./commands/issue-command.ts";
import { keysCommands } from "./commands/keys-commands.ts";
import { ltvCommands } from "./commands/ltv-commands.ts";
import { pkiCommands } from "./commands/pki-commands.ts";
import { signCommand } from "./commands/sign-command.ts";
import { verifyCommand } from "./commands/verify-command.ts";
import { workerCommand } from "./commands/worker-command.ts";
import { EXIT_USAGE, openRuntime } from "./open-runtime.ts";

const program = new Command()
  .name("sceau")
  .description(
    "Sceau: certified academic documents. Uses the same configuration (environment variables) as the server.",
  )
  .version(VERSION)
  .exitOverride();

program
  .command("migrate")
  .description("apply pending database migrations (PGlite under DATA_DIR, or DATABASE_URL)")
  .action(async () => {
    const config = loadConfigOrExit();
    const target = databaseTarget(config);
    const database = await openDatabase(target);
    try {
      const before = await pendingMigrations(database);
      await migrateDatabase(database, target);
      process.stdout.write(
        `${before} migration(s) applied; database up to date (${config.database.kind}).\n`,
      );
    } finally {
      await database.close();
    }
  });

const demo = program.command("demo").description("demonstration data");
demo
  .command("seed")
  .description(
    'create the demo institution "demo" and its operator and admin accounts (idempotent; new passwords are printed once)',
  )
  .action(async () => {
    const { config, runtime } = await openRuntime();
    try {
      printSeedResult(await seedDemo(runtime.deps.core), config);
    } finally {
      await runtime.close();
    }
  });

const operator = program.command("operator").description("portal operators");
operator
  .command("add")
  .description(
    "make a user an operator (creating the account if needed) and email them a link to set their password",
  )
  .requiredOption("--email <email>", "the operator's email address")
  .option("--name <name>", "display name", "Operator")
  .action(async (opts: { email: string; name: string }) => {
    if (!/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(opts.email)) {
      process.stderr.write(`invalid email: ${opts.email}\n`);
      process.exit(EXIT_USAGE);
    }
    const { runtime } = await openRuntime();
    const core = runtime.deps.core;
    try {
      await core.transact(async (stores) => {
        const user =
          (await stores.users.findByEmail(opts.email)) ??
          (await stores.users.create({
            email: opts.email,
            displayName: opts.name,
            locale: "fr",
            passwordHash: null,
            emailVerifiedAt: null,
          }));
        const memberships = await stores.memberships.listForUsers([user.id]);
        if (!memberships.some((m) => m.role === "operator"))
          await stores.memberships.add({
            userId: user.id,
            role: "operator",
            institutionId: null,
            organizationId: null,
          });
      });
      await requestPasswordReset(core, { email: opts.email });
      process.stdout.write(`${opts.email} is an operator; a link to set the password was emailed.\n`);
    } finally {
      await runtime.close();
    }
  });

signCommand(program);
issueCommand(program);
workerCommand(program);
verifyCommand(program, loadConfigOrExit().cliLocale);
pkiCommands(program);
keysCommands(program);
ltvCommands(program);
auditCommands(program);

function loadConfigOrExit() {
  try {
    return loadConfig();
  } catch (e) {
    if (e instanceof ConfigError) {
      process.stderr.write(`${e.message}\n`);
      process.exit(EXIT_USAGE);
    }
    throw e;
  }
}

try {
  await program.parseAsync(process.argv);
} catch (e) {
  if (e instanceof CommanderError) process.exit(e.exitCode === 0 ? 0 : EXIT_USAGE);
  process.stderr.write(`${e instanceof Error ? e.message : String(e)}\n`);
  process.exit(1);
}
