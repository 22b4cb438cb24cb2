/** A rota needs at least three people; fewer means the same few are on call far too often (OPERATING-MODEL: thin rotas). */
export const MIN_ROTA_SIZE = 3;

export function isThinRota(activeMemberCount: number): boolean {
  return activeMemberCount < MIN_ROTA_SIZE;
}
