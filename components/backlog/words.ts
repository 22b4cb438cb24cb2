// How the backlog's values read on the page (no server code: client components import it).
export const SUBTYPE_LABEL: Record<string, string> = {
  RELIABILITY: "Reliability", OPERABILITY: "Operability", SECURITY_PATCH: "Security patch", LIBRARY_UPGRADE: "Library upgrade",
  TECH_DEBT: "Tech debt", INCIDENT_ACTION: "Incident action", TOIL: "Toil",
};
export const STATUS_LABEL: Record<string, string> = { TODO: "To do", DOING: "Doing", DONE: "Done" };
export const SOURCE_LABEL: Record<string, string> = { MANUAL: "", REVIEW_ACTION: "from a review", INCIDENT: "from an incident", IMPORT: "imported" };
export const SUBTYPE_OPTIONS = Object.entries(SUBTYPE_LABEL);
export const shareLabel = (share: number | null) => (share === null ? "—" : `${share.toLocaleString("en-GB", { maximumFractionDigits: 1 })} %`);
export const itemKind = (item: { type: string; subtype: string | null }) => (item.type === "PRODUCT" ? "Product" : `Operational · ${SUBTYPE_LABEL[item.subtype ?? ""] ?? "?"}`);
