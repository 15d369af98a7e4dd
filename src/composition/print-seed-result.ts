import type { Config } from "../config/config.ts";
import type { SeedResult } from "../core/demo/seed-demo.ts";

export function printSeedResult(
  result: SeedResult,
  config: Config,
  out: NodeJS.WritableStream = process.stdout,
): void {
  const lines = [
    "",
    result.institutionCreated
      ? "  Demo institution « Cégep de démonstration » (demo) created / créé."
      : "  Demo institution « Cégep de démonstration » (demo) already exists / existe déjà.",
  ];
  if (result.identityIssued)
    lines.push("  Signing certificate issued by the development PKI / certificat de signature délivré.");
  for (const a of result.accounts) {
    const role = a.role === "operator" ? "operator / opérateur" : "institution admin / administrateur";
    lines.push(
      a.password
        ? `  ${role}: ${a.email}  password / mot de passe: ${a.password}   (shown once / affiché une seule fois)`
        : `  ${role}: ${a.email}  (exists; password unchanged / existe; mot de passe inchangé)`,
    );
  }
  lines.push(`  Sign in / Connexion: ${config.publicUrl}/sign-in`, "");
  out.write(`${lines.join("\n")}\n`);
}
