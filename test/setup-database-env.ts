// Runs in every test worker before the test file is imported, so lib/env sees the run's fresh database.
import { inject } from "vitest";

process.env.DATABASE_URL = inject("databaseUrl");
