// ts_headline marks matches with control characters that cannot occur in a runbook; the page splits
// on them and React escapes everything else, so a body containing HTML can never inject markup.
export const MARK_START = "\u0002";
export const MARK_END = "\u0003";
