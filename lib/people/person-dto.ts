import type { Role } from "../generated/prisma/enums.ts";

/** What leaves the people area: never the password hash. */
export type PersonDto = { id: string; email: string; name: string; role: Role; isIncidentManager: boolean };

export const personDtoSelect = { id: true, email: true, name: true, role: true, isIncidentManager: true } as const;
