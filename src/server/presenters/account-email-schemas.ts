import { z } from "zod";

export const AccountEmailsOut = z.object({
  emails: z.array(
    z.object({
      id: z.string().nullable(),
      email: z.string(),
      primary: z.boolean(),
      verified: z.boolean(),
      institutional: z.boolean(),
    }),
  ),
  onlyInstitutional: z.boolean(),
});
