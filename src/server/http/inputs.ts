import { z } from "zod";

/** Request field schemas shared by routes. Strings have upper bounds; bodies are strict objects. */
export const Email = z.email().max(254);
/** Length rules are the core's (bilingual errors); this only bounds the size. */
export const Password = z.string().max(1024);
export const Locale = z.enum(["fr", "en"]);
export const Token = z.string().min(1).max(200);
export const Uuid = z.uuid();
export const DisplayName = z.string().trim().min(1).max(120);
export const Slug = z.string().min(1).max(40);
export const InstitutionRole = z.enum(["institution_admin", "issuer"]);
