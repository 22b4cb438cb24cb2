// Words for deployment states and spans of time, shared by pages.
import type { DeploymentStatus } from "../generated/prisma/enums.ts";
import type { Band } from "./dora";

export const STATUS_LABEL: Record<DeploymentStatus, string> = {
  STARTED: "In progress",
  SUCCEEDED: "Succeeded",
  FAILED: "Failed",
  ROLLED_BACK: "Rolled back",
};

export const STATUS_TONE: Record<DeploymentStatus, "info" | "success" | "danger" | "warning"> = {
  STARTED: "info",
  SUCCEEDED: "success",
  FAILED: "danger",
  ROLLED_BACK: "warning",
};

export const BAND_LABEL: Record<Band, string> = { ELITE: "Elite", HIGH: "High", MEDIUM: "Medium", LOW: "Low" };

/** 90 s → "2m", 5 h 30 m → "5h 30m", 3 d 4 h → "3d 4h": two units are enough to compare lead times. */
export function formatSpan(ms: number | null): string {
  if (ms === null) return "—";
  const minutes = Math.round(ms / 60_000);
  if (minutes < 60) return `${minutes}m`;
  const hours = Math.floor(minutes / 60);
  if (hours < 24) return minutes % 60 ? `${hours}h ${minutes % 60}m` : `${hours}h`;
  const days = Math.floor(hours / 24);
  return hours % 24 ? `${days}d ${hours % 24}h` : `${days}d`;
}
