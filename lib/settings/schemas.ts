import { z } from "zod";
import { isCurrencyCode } from "../money/currency";
import { safeText } from "../validation/text";

export const ZOrganisationSettingsInput = z.object({
  currency: safeText()
    .trim()
    .transform((code) => code.toUpperCase())
    .refine(isCurrencyCode, "Choose an ISO 4217 currency code, such as GBP, EUR or USD."),
});
export type TOrganisationSettingsInput = z.input<typeof ZOrganisationSettingsInput>;
