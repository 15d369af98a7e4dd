import { sql } from "drizzle-orm";
import { customType, timestamp, uuid } from "drizzle-orm/pg-core";

/** Column builders every table file uses. */
export const bytea = customType<{ data: Uint8Array; driverData: Uint8Array }>({ dataType: () => "bytea" });
export const tstz = (name: string) => timestamp(name, { withTimezone: true, mode: "date" });
export const id = () => uuid("id").primaryKey().default(sql`gen_random_uuid()`);
