import type { Command } from "commander";
import type { SealedKind } from "../../adapters/db/sealed-secret-rows.ts";
import { sealedSecretRows } from "../../adapters/db/sealed-secret-rows.ts";
import { loadMasterKeys } from "../../adapters/keys/load-master-key.ts";
import { rotateMasterKey, UnopenableSecretsError } from "../../adapters/keys/rotate-master-key.ts";
import { ConfigError, loadConfig } from "../../config/config.ts";
import { EXIT_USAGE, openRuntime } from "../open-runtime.ts";
import { usageError } from "../read-inputs.ts";

const LABELS: Record<SealedKind, string> = {
  "portal-authorities": "portal CAs and timestamp authority / AC et horodatage du portail",
  "ocsp-signers": "OCSP signing keys / clés de signature OCSP",
  "signing-identities": "signing identities / identités de signature",
  "institution-data-keys": "institution data keys / clés de données des établissements",
  "sign-on-secrets": "sign-on client secrets / secrets clients de connexion",
  "totp-secrets": "TOTP secrets / secrets TOTP",
  "share-payment-passcodes": "share-payment passcodes / mots de passe de partages payants",
  "share-payment-links": "share-payment links / liens de partages payants",
};

const ROTATE_HELP = `
Procedure, without downtime / procédure, sans interruption :
  1. Deploy every process with SCEAU_MASTER_KEY=<new key> and
     SCEAU_PREVIOUS_MASTER_KEYS=<old key>: new secrets are sealed under the new
     key, old ones still open.
  2. Run: sceau keys rotate-master   (same environment; --dry-run first to count)
  3. Deploy again without SCEAU_PREVIOUS_MASTER_KEYS; destroy the old key.
Running it again is a no-op; an interrupted run resumes. Signing keys held on a
hardware token (pkcs11: URIs) are not sealed and are skipped.
Exit codes: 0 done, 1 failed, 2 no previous key configured, or a secret opens
with none of the configured keys (nothing is then changed).`;

export function keysCommands(program: Command) {
  const keys = program.command("keys").description("the master key that seals secrets at rest");

  keys
    .command("rotate-master")
    .description(
      "re-seal every sealed secret (portal CA and signing keys, institution data keys, TOTP and sign-on secrets, share-payment secrets) under SCEAU_MASTER_KEY, opening them with SCEAU_PREVIOUS_MASTER_KEYS",
    )
    .option("--dry-run", "count what would be re-sealed, change nothing")
    .addHelpText("after", ROTATE_HELP)
    .action(async (opts: { dryRun?: boolean }) => {
      let previous: readonly string[];
      try {
        previous = loadConfig().previousMasterKeys;
      } catch (e) {
        if (e instanceof ConfigError) usageError(e.message);
        throw e;
      }
      if (previous.length === 0)
        usageError(
          "no previous master key: set SCEAU_PREVIOUS_MASTER_KEYS to the key(s) being replaced and SCEAU_MASTER_KEY to the new one\n" +
            "aucune ancienne clé maîtresse : mettez dans SCEAU_PREVIOUS_MASTER_KEYS la ou les clés remplacées et dans SCEAU_MASTER_KEY la nouvelle",
        );
      const { config, runtime } = await openRuntime();
      try {
        const masterKeys = loadMasterKeys(
          config.masterKey,
          config.previousMasterKeys,
          config.dataDir,
          config.env !== "production",
        );
        if (masterKeys.length < 2)
          usageError(
            "SCEAU_PREVIOUS_MASTER_KEYS holds only the current master key: nothing to rotate from\n" +
              "SCEAU_PREVIOUS_MASTER_KEYS ne contient que la clé maîtresse actuelle : rien à remplacer",
          );
        let counts: Awaited<ReturnType<typeof rotateMasterKey>>;
        try {
          counts = await rotateMasterKey(sealedSecretRows(runtime.database.db), masterKeys, {
            dryRun: Boolean(opts.dryRun),
          });
        } catch (e) {
          if (!(e instanceof UnopenableSecretsError)) throw e;
          const list = e.rows.map((r) => `  ${r.kind} ${r.id}`).join("\n");
          process.stderr.write(
            `${e.rows.length} sealed value(s) open with none of the configured master keys; nothing was changed\n` +
              `${e.rows.length} valeur(s) scellée(s) ne s'ouvrent avec aucune des clés maîtresses configurées ; rien n'a été modifié\n` +
              `${list}\n`,
          );
          process.exitCode = EXIT_USAGE;
          return;
        }
        const verb = opts.dryRun ? "to re-seal / à resceller" : "re-sealed / rescellés";
        for (const c of counts) {
          const hardware =
            c.kind === "signing-identities" ? `, ${c.hardware} on a hardware token / sur jeton matériel` : "";
          process.stdout.write(
            `${LABELS[c.kind]}: ${c.rewrapped} ${verb}, ${c.current} already current / déjà à jour${hardware}\n`,
          );
        }
        if (opts.dryRun) process.stdout.write("dry run: nothing changed / essai : rien n'a été modifié\n");
        else
          process.stdout.write(
            "done: remove SCEAU_PREVIOUS_MASTER_KEYS once every process runs with the new key\n" +
              "terminé : retirez SCEAU_PREVIOUS_MASTER_KEYS quand tous les processus utilisent la nouvelle clé\n",
          );
      } finally {
        await runtime.close();
      }
    });
}
