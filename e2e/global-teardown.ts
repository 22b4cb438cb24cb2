// After every spec has run (and before the server stops): the audit chain the whole run wrote
// must still verify. Fails the run otherwise.
import { request, type FullConfig } from "@playwright/test";
import { authFile } from "./fixtures";

export default async function globalTeardown(config: FullConfig): Promise<void> {
  const { baseURL } = config.projects[0]!.use;
  const context = await request.newContext({ baseURL, storageState: authFile("change-manager") });
  try {
    const response = await context.get("/api/v1/audit/verify");
    const result = (await response.json()) as { ok: boolean; checked: number; firstBrokenEventId: string | null };
    if (!response.ok() || !result.ok || result.checked === 0) {
      throw new Error(`The audit chain does not verify after the run: ${response.status()} ${JSON.stringify(result)}`);
    }
    console.log(`Audit chain verified after the run: ${result.checked} events.`);
  } finally {
    await context.dispose();
  }
}
